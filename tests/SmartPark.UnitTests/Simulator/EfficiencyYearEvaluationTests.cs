using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;
using SmartPark.Efficiency.Consumption;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;
using SmartPark.Simulator.Generation.District;
using SmartPark.Simulator.Generation.Efficiency;
using ConsumptionReading = SmartPark.Efficiency.Consumption.CounterReading;

namespace SmartPark.UnitTests.Simulator;

/// <summary>
/// The designed year read the way the system reads it: each counter's readings through the
/// consumption calculator (reset, rollover and the recorded replacement handled) give the designed
/// use, and the evaluator under the default scheme, given those figures, grades every enterprise as
/// the design's outcome says, lists the same low-efficiency land and the same breaches.
/// </summary>
public sealed class EfficiencyYearEvaluationTests
{
    private static readonly Jurisdiction Baiyun = JurisdictionSeed.All().Single(j => j.Id == "baiyun");
    private static readonly EfficiencyYearOptions Options = new() { DistrictId = "baiyun", Year = 2025, Seed = 16 };
    private static readonly IReadOnlyList<EnterpriseDesign> Designs = EfficiencyDesigner.Design(Options,
        DistrictGenerator.Generate(new DistrictOptions { DistrictId = "baiyun", Seed = 16, Today = new DateOnly(2026, 12, 7) }, Baiyun).SelectMany(p => p.Enterprises).ToList());

    /// <summary>Readings an hour apart are the design's coarse interval, not a gap.</summary>
    private static readonly CounterRules Rules = new() { GapThreshold = Options.Interval + TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Each counter's year through the calculator, computed once for both tests: a year of hourly
    /// readings for every counter of the district is most of this class's time (it ran twice, 140 s).
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<(string Device, string Sensor), (double Use, double Coverage, IReadOnlyList<string> Flags)>> Years =
        new(() => Designs.SelectMany(d => d.Meter.Counters.Select(c => (d, c))).ToDictionary(x => (x.d.Meter.DeviceId, x.c.SensorId), x => ComputeYearOf(x.d, x.c)));

    private static (double Use, double Coverage, IReadOnlyList<string> Flags) YearOf(EnterpriseDesign design, CounterDesign counter) =>
        Years.Value[(design.Meter.DeviceId, counter.SensorId)];

    private static (double Use, double Coverage, IReadOnlyList<string> Flags) ComputeYearOf(EnterpriseDesign design, CounterDesign counter)
    {
        var year = new CounterYear(Options.Year, Options.Interval, design.Meter.Shift, design.Meter.Seed, counter);
        var swap = year.Replacement();
        IReadOnlyList<RegistryMeterReplacement> replacements = swap is null ? [] : [new(counter.Quantity, swap.At, swap.OldFinal, swap.NewInitial)];
        var quarters = CounterCalculator.QuarterHours(counter.Quantity, year.Readings().Select(r => new ConsumptionReading(r.At, r.Value)),
            year.Start, CounterYear.YearStart(Options.Year + 1), replacements, counter.Rollover, Rules);
        var total = ConsumptionAggregation.Sum(ConsumptionSeries.Year, quarters).Single();
        return (total.Use, total.Coverage, total.Flags);
    }

    [Fact]
    public void The_consumption_calculator_finds_every_counters_designed_use_and_flags_its_event()
    {
        foreach (var design in Designs)
        {
            foreach (var counter in design.Meter.Counters)
            {
                var (use, coverage, flags) = YearOf(design, counter);
                Assert.True(Math.Abs(use - counter.Use) <= counter.Use * 1e-9, $"{design.Meter.DeviceId}/{counter.SensorId} ({counter.Event}): {use} against {counter.Use}");
                Assert.Equal(1, coverage, 6);
                var expected = counter.Event switch
                {
                    CounterEvent.Reset => ConsumptionFlag.Reset,
                    CounterEvent.Rollover => ConsumptionFlag.Rollover,
                    CounterEvent.Replacement => ConsumptionFlag.Replaced,
                    _ => null,
                };
                Assert.Equal(expected is null ? [] : [expected], flags);
            }
        }
    }

    [Fact]
    public void The_default_scheme_grades_the_metered_year_as_designed()
    {
        var facts = Designs.Select(d =>
        {
            var energy = d.Meter.Counters.ToDictionary(c => c.Quantity, c => YearOf(d, c).Use);
            var kwh = energy.GetValueOrDefault("energy");
            var gas = energy.GetValueOrDefault("gas_volume");
            return new EnterpriseFacts
            {
                ParkId = d.ParkId,
                EnterpriseId = d.EnterpriseId,
                NameZh = d.EnterpriseId,
                Industry = d.Industry,
                LandAreaMu = d.LandAreaMu,
                FloorAreaM2 = d.FloorAreaM2,
                Standing = d.Standing,
                Economics = new EconomicFigures(d.OutputValue, d.ValueAdded, d.Revenue, d.TaxPaid, d.Employees, d.RdSpending),
                Energy = new EnergyFigures(kwh, (kwh * 0.1229 / 1000) + (gas * 1.2143 / 1000), energy.GetValueOrDefault("water_volume"), 1, []),
                Agreement = d.Agreement is { } a ? new AgreementTargets(a.InvestmentMade, a.InvestmentIntensityTarget, a.OutputPerMuTarget, a.TaxPerMuTarget, a.EnergyPerOutputTarget) : null,
            };
        }).ToList();

        var evaluation = EfficiencyEvaluator.Evaluate("baiyun", Options.Year, EfficiencyScheme.Default, facts);
        var outcome = EfficiencyOutcome.Of(Options, Designs);

        var grades = evaluation.Enterprises.ToDictionary(e => (e.Facts.ParkId, e.Facts.EnterpriseId), e => e.Grade);
        Assert.All(outcome.Enterprises, e => Assert.Equal(e.Grade, grades[(e.ParkId, e.EnterpriseId)]));
        Assert.Equal(outcome.GradeCounts.Where(g => g.Value > 0), evaluation.GradeCounts.Where(g => g.Value > 0).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(outcome.LowEfficiencyLand.Select(l => (l.ParkId, l.EnterpriseId)).Order(), evaluation.LowEfficiencyLand.Select(l => (l.ParkId, l.EnterpriseId)).Order());
        Assert.Equal(outcome.Breaches.Select(b => (b.ParkId, b.EnterpriseId, b.Target)).Order(), evaluation.Breaches.Select(b => (b.ParkId, b.EnterpriseId, b.Target)).Order());
        var ranks = evaluation.Enterprises.Where(e => e.Rank is not null).ToDictionary(e => e.Facts.EnterpriseId + "@" + e.Facts.ParkId, e => e.Rank);
        Assert.All(outcome.Enterprises.Where(e => e.Rank is not null), e => Assert.Equal(e.Rank, ranks[e.EnterpriseId + "@" + e.ParkId]));
    }
}
