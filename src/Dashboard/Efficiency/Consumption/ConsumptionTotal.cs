namespace SmartPark.Dashboard.Efficiency.Consumption;

/// <summary>
/// One enterprise's consumption of one counting quantity over a range, all its meters together:
/// <see cref="Coverage"/> is the mean over its meters of the share of the range their readings
/// covered (a meter silent for a month covers 11/12 of a year), <see cref="Flags"/> the
/// consumption flags any of its periods carried (reset, rollover, replaced, gap, jump).
/// </summary>
public sealed record ConsumptionTotal(string Park, string Enterprise, string Quantity, double Use, double Coverage, IReadOnlyList<string> Flags, int Meters);

/// <summary>One period of a consumption series (all the meters asked for, summed), starting at <see cref="Start"/> (UTC).</summary>
public sealed record ConsumptionPoint(DateTimeOffset Start, double Use, double Coverage, IReadOnlyList<string> Flags);
