using SmartPark.Contracts.Quantities;

namespace SmartPark.Contracts.Consumption;

/// <summary>
/// The stored consumption of counting quantities (<see cref="QuantityCatalogue.Counters"/>): one
/// InfluxDB measurement per quantity and period, <c>{quantity}_use_{period}</c>
/// (<c>energy_use_15m</c>, <c>energy_use_1h</c>, <c>energy_use_1d</c>, <c>energy_use_1mo</c>,
/// <c>energy_use_1y</c>), with the raw series' tags (park, enterprise, device, sensor). Ingest
/// writes them (src/Ingest/Consumption); the Dashboard, reports and the evaluation only read them,
/// so a year's report reads hundreds of points, not the millions of raw readings.
/// </summary>
/// <remarks>
/// Days, months and years are those of China Standard Time (UTC+8, no daylight saving), the
/// calendar bills and evaluations use; a point's timestamp is the start of its period.
/// </remarks>
public static class ConsumptionSeries
{
    /// <summary>Field: the consumption in the quantity's unit (kWh, m³, t), never negative.</summary>
    public const string UseField = "use";

    /// <summary>Field: the fraction (0..1) of the period covered by readings on both sides; less than 1 when part was estimated across a gap.</summary>
    public const string CoverageField = "coverage";

    /// <summary>Field (string): the period's <see cref="ConsumptionFlag"/>s, comma separated, empty when clean.</summary>
    public const string FlagsField = "flags";

    /// <summary>Field (integer): the raw readings the period was computed from.</summary>
    public const string ReadingsField = "readings";

    /// <summary>The offset of the calendar periods: China Standard Time.</summary>
    public static readonly TimeSpan CalendarOffset = TimeSpan.FromHours(8);

    public static readonly ConsumptionPeriod QuarterHour = new("15m");
    public static readonly ConsumptionPeriod Hour = new("1h");
    public static readonly ConsumptionPeriod Day = new("1d");
    public static readonly ConsumptionPeriod Month = new("1mo");
    public static readonly ConsumptionPeriod Year = new("1y");

    /// <summary>Finest first; each is the sum of the one before it.</summary>
    public static IReadOnlyList<ConsumptionPeriod> Periods { get; } = [QuarterHour, Hour, Day, Month, Year];

    /// <summary><c>energy</c> + <see cref="Day"/> → <c>energy_use_1d</c>.</summary>
    public static string Measurement(string quantity, ConsumptionPeriod period) => $"{quantity}_use_{period.Suffix}";

    /// <summary>The start (UTC) of the period holding <paramref name="at"/>: quarter hours and hours
    /// on UTC boundaries (the same instants in CST), days, months and years on CST midnights.</summary>
    public static DateTimeOffset PeriodStart(ConsumptionPeriod period, DateTimeOffset at)
    {
        var local = at.ToOffset(CalendarOffset);
        var start = period.Suffix switch
        {
            "15m" => new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute / 15 * 15, 0, CalendarOffset),
            "1h" => new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, CalendarOffset),
            "1d" => new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, CalendarOffset),
            "1mo" => new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, CalendarOffset),
            "1y" => new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, CalendarOffset),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period.Suffix, "not a consumption period"),
        };
        return start.ToUniversalTime();
    }

    /// <summary>The start (UTC) of the period after the one starting at <paramref name="start"/>.</summary>
    public static DateTimeOffset PeriodEnd(ConsumptionPeriod period, DateTimeOffset start)
    {
        var local = start.ToOffset(CalendarOffset);
        var end = period.Suffix switch
        {
            "15m" => local.AddMinutes(15),
            "1h" => local.AddHours(1),
            "1d" => local.AddDays(1),
            "1mo" => local.AddMonths(1),
            "1y" => local.AddYears(1),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period.Suffix, "not a consumption period"),
        };
        return end.ToUniversalTime();
    }
}

/// <summary>A consumption resolution, named by its measurement suffix.</summary>
public sealed record ConsumptionPeriod(string Suffix);
