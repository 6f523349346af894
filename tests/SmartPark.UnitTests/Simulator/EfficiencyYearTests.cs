using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;
using SmartPark.ParkData.Vocabulary;
using SmartPark.Simulator.Commands;
using SmartPark.Simulator.Generation.District;
using SmartPark.Simulator.Generation.Efficiency;

namespace SmartPark.UnitTests.Simulator;

/// <summary>
/// <c>simulate generate efficiency</c>: the designed year's grades follow from the design (every
/// indicator the default scheme weighs orders the graded enterprises by their latent rank, under
/// the benchmark caps), and its counters, read with the documented rule across a reset, a rollover
/// and a replaced meter, add up to exactly the designed use.
/// </summary>
public sealed class EfficiencyYearTests : IDisposable
{
    private static readonly Jurisdiction Baiyun = JurisdictionSeed.All().Single(j => j.Id == "baiyun");
    private static readonly DistrictOptions District = new() { DistrictId = "baiyun", Seed = 16, Today = new DateOnly(2026, 12, 7) };
    private static readonly EfficiencyYearOptions Options = new() { DistrictId = "baiyun", Year = 2025, Seed = 16 };
    private static readonly IReadOnlyList<Enterprise> Enterprises = DistrictGenerator.Generate(District, Baiyun).SelectMany(p => p.Enterprises).ToList();

    private readonly string _directory = Directory.CreateTempSubdirectory("efficiency-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IReadOnlyList<EnterpriseDesign> Design(EfficiencyYearOptions? options = null) => EfficiencyDesigner.Design(options ?? Options, Enterprises);

    [Fact]
    public void The_same_seed_gives_the_same_year_and_another_seed_another()
    {
        var first = JsonSerializer.Serialize(EfficiencyOutcome.Of(Options, Design()));
        Assert.Equal(first, JsonSerializer.Serialize(EfficiencyOutcome.Of(Options, Design())));
        Assert.NotEqual(first, JsonSerializer.Serialize(EfficiencyOutcome.Of(Options with { Seed = 17 }, Design(Options with { Seed = 17 }))));
    }

    [Fact]
    public void Every_weighed_indicator_orders_the_graded_by_rank_and_stays_under_its_cap()
    {
        var graded = Design().Where(d => d.Rank is not null).OrderBy(d => d.Rank).ToList();
        Assert.True(graded.Count >= 100, $"{graded.Count} graded");
        // The default scheme's indicators and ceilings (benchmark × cap 2), and two the design orders too.
        (string Name, Func<EnterpriseDesign, double> Value, double Ceiling, bool HigherIsBetter)[] indicators =
        [
            ("tax per mu", d => d.TaxPaid / d.LandAreaMu, 40, true),
            ("sales per mu", d => d.Revenue / d.LandAreaMu, 800, true),
            ("value added per tce", d => d.ValueAdded / d.Tce, 5, true),
            ("R&D intensity", d => d.RdSpending * 100 / d.Revenue, 6, true),
            ("labour productivity", d => d.ValueAdded / d.Employees, 36, true),
            ("output per mu", d => d.OutputValue / d.LandAreaMu, double.MaxValue, true),
            ("tax per kWh", d => d.TaxPaid * 10_000 / d.ElectricityKwh, double.MaxValue, true),
            ("energy per output", d => d.Tce / d.OutputValue, double.MaxValue, false),
        ];
        foreach (var (name, value, ceiling, higherIsBetter) in indicators)
        {
            var values = graded.Select(value).ToList();
            for (var i = 1; i < values.Count; i++)
                Assert.True(higherIsBetter ? values[i] < values[i - 1] : values[i] > values[i - 1], $"{name}: rank {i + 1} ({values[i]}) against rank {i} ({values[i - 1]})");
            Assert.True(values.Max() < ceiling, $"{name}: {values.Max()} reaches the cap {ceiling}");
        }
        // Every graded enterprise is above the size threshold (规上), so all are ranked together.
        Assert.All(graded, d => Assert.True(d.Revenue >= 2000, $"{d.EnterpriseId}: revenue {d.Revenue}"));
    }

    [Fact]
    public void The_grades_are_the_default_shares_of_the_ranking_and_D_is_the_low_efficiency_land()
    {
        var designs = Design();
        var outcome = EfficiencyOutcome.Of(Options, designs);
        Assert.Equal(0, outcome.Graded % 20);
        Assert.InRange(designs.Count - outcome.Graded, 2, Math.Max(4, designs.Count / 8));
        Assert.Equal(outcome.Graded * 25 / 100, outcome.GradeCounts["A"]);
        Assert.Equal(outcome.Graded * 45 / 100, outcome.GradeCounts["B"]);
        Assert.Equal(outcome.Graded * 25 / 100, outcome.GradeCounts["C"]);
        Assert.Equal(outcome.Graded * 5 / 100, outcome.GradeCounts["D"]);
        var byRank = designs.Where(d => d.Rank is not null).OrderBy(d => d.Rank).Select(d => d.Grade).ToList();
        Assert.Equal(byRank.Order(StringComparer.Ordinal), byRank);
        Assert.Equal(designs.Where(d => d.Grade == "D").Select(d => d.EnterpriseId).Order(), outcome.LowEfficiencyLand.Select(l => l.EnterpriseId).Order());
        Assert.Contains(designs, d => d.Standing == EvaluationStanding.New);
        Assert.Contains(designs, d => d.Standing == EvaluationStanding.Exempt);
        Assert.All(designs.Where(d => d.Rank is null), d => Assert.Null(d.Grade));
    }

    [Fact]
    public void Some_agreements_miss_a_target_and_the_outcome_lists_exactly_those()
    {
        var designs = Design();
        var agreements = designs.Where(d => d.Agreement is not null).ToList();
        Assert.InRange(agreements.Count, 3, designs.Count / 2);
        var outcome = EfficiencyOutcome.Of(Options, designs);
        Assert.NotEmpty(outcome.Breaches);
        Assert.Equal(agreements.Sum(a => a.Agreement!.Misses.Count), outcome.Breaches.Count);
        foreach (var design in agreements)
        {
            var a = design.Agreement!;
            var achieved = new Dictionary<string, (double Achieved, double? Target, bool LowerIsBetter)>
            {
                ["investment_intensity"] = (a.InvestmentMade / design.LandAreaMu, a.InvestmentIntensityTarget, false),
                ["output_per_mu"] = (design.OutputValue / design.LandAreaMu, a.OutputPerMuTarget, false),
                ["tax_per_mu"] = (design.TaxPaid / design.LandAreaMu, a.TaxPerMuTarget, false),
                ["energy_per_output"] = (design.Tce / design.OutputValue, a.EnergyPerOutputTarget, true),
            };
            foreach (var (target, (value, promised, lowerIsBetter)) in achieved)
            {
                var missed = lowerIsBetter ? value > promised : value < promised;
                Assert.Equal(a.Misses.Any(m => m.Target == target), missed);
            }
        }
    }

    [Fact]
    public void Counters_sum_to_the_designed_use_across_a_reset_a_rollover_and_a_replaced_meter()
    {
        var designs = Design();
        var counters = designs.SelectMany(d => d.Meter.Counters.Select(c => (Design: d, Counter: c))).ToList();
        Assert.Equal([CounterEvent.None, CounterEvent.Reset, CounterEvent.Rollover, CounterEvent.Replacement], counters.Select(c => c.Counter.Event).Distinct().Order());
        Assert.Contains(counters, c => c.Counter.Quantity == "gas_volume");
        Assert.Contains(counters, c => c.Counter.Quantity == "water_volume");
        foreach (var (design, counter) in counters)
        {
            var year = new CounterYear(Options.Year, Options.Interval, design.Meter.Shift, design.Meter.Seed, counter);
            Assert.Equal(8761, year.Count);
            Assert.Equal(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero), year.Reading(0).At);
            Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), year.Reading(year.Count - 1).At);
            Assert.Equal(counter.UseHundredths, Consumption(year, counter));
        }
        var rollover = counters.Single(c => c.Counter.Event == CounterEvent.Rollover);
        Assert.Equal(1_000_000, rollover.Counter.Rollover);
        Assert.Contains("\"rollover\":1000000", EfficiencyYearWriter.SensorsJson(rollover.Design.Meter), StringComparison.Ordinal);
        var outcome = EfficiencyOutcome.Of(Options, designs).Counters.Single(c => c.Event == "rollover");
        Assert.True(outcome.Wraps >= 1);
        Assert.True(outcome.ReadingBeforeEvent > outcome.ReadingAfterEvent);
    }

    /// <summary>
    /// The documented reading of a counter, in hundredths: a rise counts; a fall is a wrap on a
    /// register with a rollover (add the rollover), else a reset to zero (the new reading is the
    /// interval's use); across a recorded replacement, the old meter's rise to its final reading
    /// plus the new one's from its initial reading.
    /// </summary>
    private static long Consumption(CounterYear year, CounterDesign counter)
    {
        var swap = year.Replacement();
        var rollover = (long)Math.Round((counter.Rollover ?? 0) * 100);
        long total = 0;
        for (var k = 1; k < year.Count; k++)
        {
            var (before, after) = (year.Reading(k - 1), year.Reading(k));
            if (swap is not null && swap.At > before.At && swap.At <= after.At)
                total += (long)Math.Round(swap.OldFinal * 100) - before.Hundredths + after.Hundredths - (long)Math.Round(swap.NewInitial * 100);
            else if (after.Hundredths >= before.Hundredths)
                total += after.Hundredths - before.Hundredths;
            else
                total += rollover > 0 ? after.Hundredths + rollover - before.Hundredths : after.Hundredths;
        }
        return total;
    }

    [Fact]
    public async Task Written_to_the_park_database_once_with_devices_that_log_in_and_the_swap_recorded()
    {
        var factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });
        await GenerateDistrictCommand.GenerateAsync(factory, District with { Parks = 8 });
        var (designs, written) = await GenerateEfficiencyCommand.GenerateAsync(factory, Options, "secret", hashIterations: 10);
        Assert.Equal(designs.Count, written.Economics);
        Assert.Equal(designs.Count, written.Devices);
        Assert.Equal(1, written.Replacements);
        var (_, again) = await GenerateEfficiencyCommand.GenerateAsync(factory, Options, "secret", hashIterations: 10);
        Assert.Equal(new EfficiencyWriteResult(0, 0, 0, 0, 0), again);

        await using var db = await factory.CreateDbContextAsync();
        var device = await db.Devices.SingleAsync(d => d.Id == designs[0].Meter.DeviceId);
        Assert.True(MosquittoPasswordHash.TryParse(device.Credential, out var hash, out _));
        Assert.True(hash.Verify(SmartPark.Simulator.DevicePasswords.Derive("secret", device.Id)));
        var economics = await db.Economics.SingleAsync(e => e.EnterpriseId == designs[0].EnterpriseId && e.ParkId == designs[0].ParkId);
        Assert.Equal((designs[0].TaxPaid, 2025, designs[0].Standing), (economics.TaxPaid!.Value, economics.Year, economics.Standing));
        var swap = await db.MeterReplacements.SingleAsync();
        var replaced = designs.Single(d => d.Meter.DeviceId == swap.DeviceId).Meter;
        var expected = new CounterYear(2025, Options.Interval, replaced.Shift, replaced.Seed, replaced.Counters[0]).Replacement()!;
        Assert.Equal((expected.At.UtcDateTime, expected.OldFinal, expected.NewInitial), (swap.ReplacedAt, swap.OldFinalReading, swap.NewInitialReading));
        Assert.Equal(designs.Count(d => d.Agreement is not null), await db.Agreements.CountAsync());
    }
}
