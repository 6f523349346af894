using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>
/// What an evaluation of the designed year under the default scheme must find, stated from the
/// design: each enterprise's grade (by its latent rank), the grade counts, the low-efficiency land,
/// the agreement breaches, and what each meter counted — the year's use per counter, the first and
/// last readings, and the reset, rollover or replacement with the use across it.
/// </summary>
public sealed record EfficiencyOutcome
{
    public required string District { get; init; }
    public required int Year { get; init; }
    public required string Interval { get; init; }
    public required int Graded { get; init; }
    public required IReadOnlyDictionary<string, int> GradeCounts { get; init; }
    public required IReadOnlyList<EnterpriseOutcome> Enterprises { get; init; }
    public required IReadOnlyList<LowEfficiencyLand> LowEfficiencyLand { get; init; }
    public required IReadOnlyList<AgreementBreach> Breaches { get; init; }
    public required IReadOnlyList<CounterOutcome> Counters { get; init; }

    public static EfficiencyOutcome Of(EfficiencyYearOptions options, IReadOnlyList<EnterpriseDesign> designs)
    {
        var graded = designs.Count(d => d.Rank is not null);
        return new EfficiencyOutcome
        {
            District = options.DistrictId,
            Year = options.Year,
            Interval = options.Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            Graded = graded,
            GradeCounts = options.Grading.Shares.ToDictionary(s => s.Grade, s => designs.Count(d => d.Grade == s.Grade), StringComparer.Ordinal),
            Enterprises = [.. designs.Select(d => new EnterpriseOutcome(
                d.ParkId, d.EnterpriseId, d.Industry, d.Standing, d.Rank, d.Grade, Math.Round(d.LandAreaMu, 4), d.FloorAreaM2,
                new EconomicFigures(d.OutputValue, d.ValueAdded, d.Revenue, d.TaxPaid, d.Employees, d.RdSpending),
                d.ElectricityKwh, d.GasM3, d.WaterM3, Math.Round(d.Tce, 6), d.Meter.DeviceId))],
            LowEfficiencyLand = [.. designs.Where(d => d.Grade is { } g && options.Grading.LowEfficiencyGrades.Contains(g))
                .Select(d => new LowEfficiencyLand(d.ParkId, d.EnterpriseId, Math.Round(d.LandAreaMu, 4), d.Grade!, null))],
            Breaches = [.. designs.Where(d => d.Agreement is not null).SelectMany(d => d.Agreement!.Misses
                .Select(m => new AgreementBreach(d.ParkId, d.EnterpriseId, m.Target, m.Promised, Math.Round(m.Achieved, 6))))],
            Counters = [.. designs.SelectMany(d => d.Meter.Counters.Select(c => CounterOutcome.Of(options, d, c)))],
        };
    }
}

/// <summary>One enterprise's designed year: standing, latent rank, expected grade, land, figures and metered use.</summary>
public sealed record EnterpriseOutcome(
    string ParkId,
    string EnterpriseId,
    string Industry,
    string Standing,
    int? Rank,
    string? Grade,
    double LandAreaMu,
    double FloorAreaM2,
    EconomicFigures Economics,
    double ElectricityKwh,
    double GasM3,
    double WaterM3,
    double Tce,
    string Device);

/// <summary>
/// One counter's year: its use (the difference of the year's last and first readings, across its
/// event), how many readings, the first and last, and its event: a reset (the register cleared right
/// after the reading before <c>EventAt</c>: the reading at <c>EventAt</c> is that interval's use), a
/// rollover (register wrapping at <c>Rollover</c>, <c>Wraps</c> times) or a replacement (the
/// <c>MeterReplacement</c> row's readings at <c>EventAt</c>).
/// </summary>
public sealed record CounterOutcome(
    string ParkId,
    string EnterpriseId,
    string Device,
    string Sensor,
    string Quantity,
    double Use,
    int Readings,
    CounterReading First,
    CounterReading Last,
    string Event,
    DateTimeOffset? EventAt,
    double? ReadingBeforeEvent,
    double? ReadingAfterEvent,
    double? UseInEventInterval,
    double? Rollover,
    long Wraps,
    ReplacementReadings? Replacement)
{
    public static CounterOutcome Of(EfficiencyYearOptions options, EnterpriseDesign design, CounterDesign counter)
    {
        var year = new CounterYear(options.Year, options.Interval, design.Meter.Shift, design.Meter.Seed, counter);
        var j = counter.EventIndex;
        var hasEvent = counter.Event != CounterEvent.None;
        return new CounterOutcome(
            design.ParkId, design.EnterpriseId, design.Meter.DeviceId, counter.SensorId, counter.Quantity, counter.Use,
            year.Count, year.Reading(0), year.Reading(year.Count - 1),
            counter.Event.ToString().ToLowerInvariant(),
            hasEvent ? year.Reading(j).At : null,
            hasEvent ? year.Reading(j - 1).Value : null,
            hasEvent ? year.Reading(j).Value : null,
            hasEvent ? (year.UsedBy(j) - year.UsedBy(j - 1)) / 100.0 : null,
            counter.Rollover,
            year.Wraps,
            year.Replacement());
    }
}
