namespace SmartPark.Dashboard.Emissions;

/// <summary>The limit in force for a pollutant: the rule, its value and the standard or permit it comes from.</summary>
public sealed record LimitView(string RuleId, string Title, double Value, string? Unit, string? Source, string? Averaging, bool Enterprise);

/// <summary>
/// A pollutant's latest hourly mean (<see cref="Quantity"/> is what is judged: <c>nox_converted</c>,
/// <c>cod</c>), its limit and how close to it (<see cref="Ratio"/> = value ÷ limit); <see cref="Flagged"/>
/// when under 75 % of the hour's readings measured the process (calibration, maintenance, fault).
/// </summary>
public sealed record PollutantNow(
    string Quantity, string Measured, string Sensor, string Unit, string? Rate,
    DateTimeOffset? Hour, double? Value, bool Flagged, LimitView? Limit, double? Ratio);

/// <summary>A discharge: one device of an enterprise (its HJ 212 monitoring point when it is one) and the pollutants it measures.</summary>
public sealed record EmissionPointView(
    string Park, string? ParkName, string? ParkNameEn, string Enterprise, string? Name, string? NameEn,
    string Device, string? Point, string Medium, IReadOnlyList<PollutantNow> Pollutants);

/// <summary>One hourly mean with its extremes and the hour's data flag (HJ 212 Table 8).</summary>
public sealed record HourValue(DateTimeOffset Ts, double Mean, double? Min, double? Max, string Flag);

/// <summary>A day's emitted mass (China Standard Time day): the sum of its hourly mean rates × 1 h, and how many hours had one.</summary>
public sealed record DayLoad(DateOnly Day, double Kg, int Hours);

/// <summary>A pollutant's hourly means over the range with the limit line, and its daily emissions.</summary>
public sealed record EmissionSeries(
    string Park, string Enterprise, string Device, string Sensor, string Quantity, string Measured, string Unit,
    LimitView? Limit, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HourValue> Hours,
    string? Rate, IReadOnlyList<DayLoad> Days);
