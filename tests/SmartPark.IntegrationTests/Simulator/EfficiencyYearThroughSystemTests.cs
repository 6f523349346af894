using System.Globalization;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;
using SmartPark.Efficiency.Consumption;
using SmartPark.Efficiency.Evaluation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.Simulator.Commands;
using SmartPark.Simulator.Generation.District;
using SmartPark.Simulator.Generation.Efficiency;
using Xunit.Abstractions;
using ConsumptionReading = SmartPark.Efficiency.Consumption.CounterReading;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>
/// A generated district's efficiency year through the real system: the district and its year
/// written into a SQLite park database, Ingest taking its registry from it (the meter devices log
/// in with their derived passwords) and accepting readings a year old, the year published as the
/// devices, and every counter reading stored in InfluxDB, first and last as designed — across the
/// reset, the rollover and the replaced meter.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class EfficiencyYearThroughSystemTests(ScenarioInflux influx, ITestOutputHelper output) : IDisposable
{
    private const string Secret = "efficiency-year-test";
    private const string IngestPassword = "ingest-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("efficiency-year-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_year_of_metered_counters_arrives_in_InfluxDB_as_designed()
    {
        var parkDatabase = new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" };
        var factory = ParkDatabase.Factory(parkDatabase);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await GenerateDistrictCommand.GenerateAsync(factory, new DistrictOptions { DistrictId = "baiyun", Parks = 4, Seed = 5, Today = today });
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Actor = "test";
            db.ServiceAccounts.Add(new ServiceAccountRow { Id = "ingest", Role = ServiceRoles.Ingest, Credential = MosquittoPasswordHash.Create(IngestPassword, iterations: 10) });
            await db.SaveChangesAsync();
        }
        var options = new EfficiencyYearOptions { DistrictId = "baiyun", Year = today.Year - 1, Seed = 5 };
        var (designs, _) = await GenerateEfficiencyCommand.GenerateAsync(factory, options, Secret, hashIterations: 10);
        var outcome = EfficiencyOutcome.Of(options, designs);
        output.WriteLine($"{designs.Count} enterprises, {outcome.Graded} graded ({string.Join(", ", outcome.GradeCounts.Select(g => $"{g.Key} {g.Value}"))}), {outcome.Counters.Count} counters");
        Assert.InRange(designs.Count, 8, 24);

        var database = "efficiency_year";
        await using var ingest = await IngestHost.StartAsync(influx.Server.Url, database,
            $"--ParkDatabase:ConnectionString={parkDatabase.ConnectionString}",
            "--Ingest:Broker:Username=ingest",
            $"--Ingest:Broker:Password={IngestPassword}",
            // A backfill: the year's readings are up to two years old (the default refuses past 90 days).
            "--Ingest:MaxReadingAge=800.00:00:00");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var published = await new EfficiencyYearPublisher(options, new PublishTarget("127.0.0.1", ingest.BrokerPort, Secret), output.WriteLine)
            .PublishAsync(designs, deadline.Token);
        Assert.Equal(outcome.Counters.Sum(c => (long)c.Readings), published.Readings);

        foreach (var quantity in outcome.Counters.Select(c => c.Quantity).Distinct())
        {
            var expected = outcome.Counters.Where(c => c.Quantity == quantity).Sum(c => (long)c.Readings);
            var stored = await Poll.UntilAsync(() => influx.Server.CountAsync(database, quantity), n => n >= expected, TimeSpan.FromMinutes(2), $"{expected} {quantity} readings in InfluxDB");
            Assert.Equal(expected, stored);
        }
        var client = influx.Server.Client(database);
        foreach (var counter in outcome.Counters.Where(c => c.Event != "none" || c.Quantity != "energy").Take(6))
        {
            var response = await client.QueryAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT first(value), last(value), count(value) FROM {counter.Quantity} WHERE device = '{counter.Device}' AND sensor = '{counter.Sensor}' AND time >= 0"), CancellationToken.None);
            var series = response.Results.SelectMany(r => r.Series ?? []).Single();
            var row = series.Values[0];
            Assert.Equal(counter.First.Value, row[series.ColumnIndex("first")].GetDouble());
            Assert.Equal(counter.Last.Value, row[series.ColumnIndex("last")].GetDouble());
            Assert.Equal(counter.Readings, row[series.ColumnIndex("count")].GetInt64());
            output.WriteLine($"{counter.Device}/{counter.Sensor} ({counter.Event}): {counter.Readings} readings, {counter.First.Value} → {counter.Last.Value}, use {counter.Use}");
        }
        // The readings around each event are stored as designed (the consumption rebuild reads these).
        foreach (var counter in outcome.Counters.Where(c => c.Event != "none"))
        {
            var at = counter.EventAt!.Value;
            var response = await client.QueryAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT value FROM energy WHERE device = '{counter.Device}' AND time >= '{at.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}' AND time <= '{at:yyyy-MM-ddTHH:mm:ssZ}'"), CancellationToken.None);
            var values = response.Results.SelectMany(r => r.Series ?? []).Single().Values.Select(v => v[1].GetDouble()).ToList();
            Assert.Equal(new[] { counter.ReadingBeforeEvent!.Value, counter.ReadingAfterEvent!.Value }, values);
        }

        // The stored raw counters, read back and through the consumption calculator, graded by the
        // evaluator under the default scheme: the grades the design stated.
        var rules = new CounterRules { GapThreshold = options.Interval + TimeSpan.FromMinutes(1) };
        var facts = new List<EnterpriseFacts>();
        foreach (var design in designs)
        {
            var uses = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var counter in design.Meter.Counters)
            {
                var response = await client.QueryAsync(string.Create(CultureInfo.InvariantCulture,
                    $"SELECT value FROM {counter.Quantity} WHERE device = '{design.Meter.DeviceId}' AND sensor = '{counter.SensorId}' AND time >= 0"), CancellationToken.None);
                var readings = response.Results.SelectMany(r => r.Series ?? []).Single().Values
                    .Select(v => new ConsumptionReading(DateTimeOffset.FromUnixTimeMilliseconds(v[0].GetInt64()), v[1].GetDouble()));
                var swap = new CounterYear(options.Year, options.Interval, design.Meter.Shift, design.Meter.Seed, counter).Replacement();
                IReadOnlyList<RegistryMeterReplacement> replacements = swap is null ? [] : [new(counter.Quantity, swap.At, swap.OldFinal, swap.NewInitial)];
                var quarters = CounterCalculator.QuarterHours(counter.Quantity, readings, CounterYear.YearStart(options.Year), CounterYear.YearStart(options.Year + 1), replacements, counter.Rollover, rules);
                uses[counter.SensorId] = ConsumptionAggregation.Sum(ConsumptionSeries.Year, quarters).Single().Use;
            }
            facts.Add(DesignedFacts.Of(design, c => uses[c.SensorId]));
        }
        var evaluation = EfficiencyEvaluator.Evaluate(options.DistrictId, options.Year, EfficiencyScheme.Default, facts);
        var grades = evaluation.Enterprises.ToDictionary(e => (e.Facts.ParkId, e.Facts.EnterpriseId), e => e.Grade);
        Assert.All(outcome.Enterprises, e => Assert.Equal(e.Grade, grades[(e.ParkId, e.EnterpriseId)]));
        Assert.Equal(outcome.Breaches.Select(b => (b.ParkId, b.EnterpriseId, b.Target)).Order(), evaluation.Breaches.Select(b => (b.ParkId, b.EnterpriseId, b.Target)).Order());
    }
}
