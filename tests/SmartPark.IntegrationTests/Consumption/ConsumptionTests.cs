using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Commands;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Consumption;

/// <summary>
/// Stored consumption against a real influxd and the real Ingest: meters publish their registers
/// through the embedded broker as registered devices, Ingest writes <c>{quantity}_use_15m</c> …
/// <c>_1y</c>, and every value is checked against the one computed by hand in the comments. The
/// readings are of 10:00–10:45 China time two days ago, so every quarter hour is long closed.
/// </summary>
public sealed class ConsumptionTests : IAsyncLifetime
{
    private const string Database = "consumption";
    private const string Park = "p-use";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private const double Tolerance = 1e-9;

    /// <summary>10:00 China time two days ago: the hour every reading is in.</summary>
    private static readonly DateTimeOffset Hour = new(DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(-2).AddHours(10), China);

    private readonly string _directory = Directory.CreateTempSubdirectory("smartpark-consumption-").FullName;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;

    private string RegistryPath => Path.Combine(_directory, "registry.yaml");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(RegistryPath, RegistryYaml(replacement: null));
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database,
            $"--Registry:Path={RegistryPath}", "--Ingest:Broker:Username=ingest", "--Ingest:Broker:Password=ingest-pw",
            "--Consumption:Grace=00:00:01", "--Consumption:CheckInterval=00:00:00.200");
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    [Fact]
    public async Task Rollover_reset_and_a_water_meter_are_stored_per_quarter_hour_hour_day_month_and_year()
    {
        // d-roll's register wraps at 1,000,000 kWh (registry rollover), one reading every 5 minutes.
        double[] roll = [999_950, 999_970, 999_990, 12, 30, 50, 60, 5, 10, 15];
        await PublishAsync("d-roll", "m-1", "energy", "kWh", roll);
        await PublishAsync("d-water", "w-1", "water_volume", "m3", [100, 100.5, 101.25, 102]);

        var month = ConsumptionSeries.PeriodStart(ConsumptionSeries.Month, Hour);
        await Poll.UntilAsync(() => PointsAsync("energy_use_1y", "d-roll"), p => p.Count == 1 && p.Values.Single().Readings == 10 && Math.Abs(p.Values.Single().Use - 125) < 1e-6, Timeout, "d-roll's year to hold 125 kWh");

        var quarters = await PointsAsync("energy_use_15m", "d-roll");
        Assert.Equal(4, quarters.Count);
        // 10:00: 999,950 → 999,970 → 999,990 (20 + 20), then across the wrap to 12: 1,000,000 − 999,990 + 12 = 22. 62 kWh.
        AssertPoint(quarters[Hour], 62, 1, "rollover", 3);
        // 10:15: 12 → 30 → 50 → 60: 18 + 20 + 10 = 48 kWh.
        AssertPoint(quarters[Hour.AddMinutes(15)], 48, 1, "", 3);
        // 10:30: 60 → 5 is no plausible wrap (999,945 kWh in 5 minutes): a reset, counted from zero, 5; then 5 + 5. 15 kWh.
        AssertPoint(quarters[Hour.AddMinutes(30)], 15, 1, "reset", 3);
        // 10:45: only the reading at 10:45, nothing after it yet: no use, nothing covered.
        AssertPoint(quarters[Hour.AddMinutes(45)], 0, 0, "", 1);

        // The hour: 62 + 48 + 15 + 0 = 125 kWh, three of four quarters covered, both flags, ten readings.
        AssertPoint((await PointsAsync("energy_use_1h", "d-roll"))[Hour], 125, 0.75, "reset,rollover", 10);
        // The day (China midnight): the same 125 kWh; covered 45 minutes of 1,440.
        AssertPoint((await PointsAsync("energy_use_1d", "d-roll"))[ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, Hour)], 125, 45.0 / 1440, "reset,rollover", 10);
        var monthPoint = (await PointsAsync("energy_use_1mo", "d-roll"))[month];
        Assert.Equal(125, monthPoint.Use, Tolerance);
        Assert.Equal("reset,rollover", monthPoint.Flags);
        var yearPoint = (await PointsAsync("energy_use_1y", "d-roll"))[ConsumptionSeries.PeriodStart(ConsumptionSeries.Year, Hour)];
        Assert.Equal(10, yearPoint.Readings);

        // Water: 100 → 100.5 → 101.25 → 102: 2 m³ in the 10:00 quarter hour; the hour covered a quarter.
        var water = await Poll.UntilAsync(() => PointsAsync("water_volume_use_1h", "d-water"), p => p.Count == 1 && p.Values.Single().Readings == 4, Timeout, "the water meter's hour to hold its four readings");
        AssertPoint(water[Hour], 2, 0.25, "", 4);
        AssertPoint((await PointsAsync("water_volume_use_15m", "d-water"))[Hour], 2, 1, "", 3);
    }

    [Fact]
    public async Task A_replacement_recorded_later_is_counted_by_the_running_ingest_and_by_a_rebuild()
    {
        // Old meter 5000 at 10:00, 5010 at 10:05; the new one reads 3 at 10:10 and 7 at 10:15. Swapped at 10:07 (old final 5014, new initial 1).
        await PublishAsync("d-swap", "m-1", "energy", "kWh", [5000, 5010, 3, 7]);

        // Not yet recorded: the fall is a reset, counted from zero: 10 + 3, then 7 − 3 = 4 up to 10:15. 17 kWh.
        var before = await Poll.UntilAsync(() => PointsAsync("energy_use_1h", "d-swap"), p => p.Count == 1 && p.Values.Single().Readings == 4 && Math.Abs(p.Values.Single().Use - 17) < 1e-6, Timeout, "d-swap's hour to hold 17 kWh");
        AssertPoint(before[Hour], 17, 0.25, "reset", 4);

        // The electrician's record arrives: the registry now holds the swap (as the park database would).
        await File.WriteAllTextAsync(RegistryPath, RegistryYaml(replacement: Hour.AddMinutes(7)));

        // The running Ingest notices the new replacement in its registry and recomputes the quarter
        // hours around it on its own. 10:00: 5010 − 5000 = 10; old meter to its final: 5014 − 5010 = 4;
        // new meter from its first: 3 − 1 = 2; 7 − 3 = 4. 20 kWh, never a reset.
        var after = await Poll.UntilAsync(() => PointsAsync("energy_use_1h", "d-swap"), p => p.TryGetValue(Hour, out var h) && h.Flags == "replaced", Timeout, "the running Ingest to recompute d-swap's hour with the replacement");
        AssertPoint(after[Hour], 20, 0.25, "replaced", 4);

        // A rebuild of the day (what an operator runs after changing rules, or a backfill) agrees.
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var day = Hour.ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nextDay = Hour.ToOffset(China).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var exit = await ConsumptionCommand.RunAsync(
            ["rebuild", "--from", day, "--to", nextDay, "--park", Park,
             $"--Registry:Path={RegistryPath}", $"--Influx:Url={_influx.Url}", $"--Influx:Database={Database}",
             $"--Consumption:StateDirectory={Path.Combine(_directory, "rebuild-state")}", "--Logging:LogLevel:Default=Warning"],
            output, error);
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("energy", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Done in", output.ToString(), StringComparison.Ordinal);

        AssertPoint((await PointsAsync("energy_use_15m", "d-swap"))[Hour], 20, 1, "replaced", 3);
        AssertPoint((await PointsAsync("energy_use_1h", "d-swap"))[Hour], 20, 0.25, "replaced", 4);
        var month = ConsumptionSeries.PeriodStart(ConsumptionSeries.Month, Hour);
        var monthPoint = (await PointsAsync("energy_use_1mo", "d-swap"))[month];
        Assert.Equal((20.0, "replaced", 4L), (Math.Round(monthPoint.Use, 6), monthPoint.Flags, monthPoint.Readings));
    }

    private sealed record Point(double Use, double Coverage, string Flags, long Readings);

    private static void AssertPoint(Point point, double use, double coverage, string flags, long readings)
    {
        Assert.Equal(use, point.Use, 1e-6);
        Assert.Equal(coverage, point.Coverage, 1e-9);
        Assert.Equal(flags, point.Flags);
        Assert.Equal(readings, point.Readings);
    }

    private async Task<Dictionary<DateTimeOffset, Point>> PointsAsync(string measurement, string device)
    {
        var response = await _influx.Client(Database).QueryAsync(
            $"SELECT \"use\", \"coverage\", \"flags\", \"readings\" FROM {InfluxQl.Identifier(measurement)} WHERE \"device\" = {InfluxQl.String(device)}", CancellationToken.None);
        var series = response.Results.Single().Series?.SingleOrDefault();
        if (series is null)
            return [];
        return series.Values.ToDictionary(
            row => DateTimeOffset.FromUnixTimeMilliseconds(row[series.ColumnIndex("time")].GetInt64()),
            row => new Point(row[series.ColumnIndex("use")].GetDouble(), row[series.ColumnIndex("coverage")].GetDouble(),
                row[series.ColumnIndex("flags")].GetString() ?? "", row[series.ColumnIndex("readings")].GetInt64()));
    }

    /// <summary>Publishes a meter's readings, one every 5 minutes from <see cref="Hour"/>, as the device itself, in one batch.</summary>
    private async Task PublishAsync(string device, string sensor, string quantity, string unit, double[] values)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _ingest.BrokerPort)
            .WithClientId(device).WithCredentials(device, device + "-pw").Build());
        var batch = TelemetryJson.Batch(device, 1, [.. values.Select((v, i) => TelemetryJson.Reading(sensor, quantity, v, unit, Hour.AddMinutes(5 * i)))]);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(new DeviceAddress(Park, "e-use", device)))
            .WithPayload(TelemetryJson.Bytes(batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"publish refused: {result.ReasonCode}");
        await client.DisconnectAsync();
    }

    /// <summary>The test park: a wrapping energy meter, a swapped one (its swap recorded or not) and a water meter.</summary>
    private static string RegistryYaml(DateTimeOffset? replacement)
    {
        string Hash(string password) => MosquittoPasswordHash.Create(password, iterations: 50);
        var swap = replacement is { } at
            ? $"\n{new string(' ', 16)}replacements:\n{new string(' ', 18)}- {{ quantity: energy, at: '{at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}', oldFinal: 5014, newInitial: 1 }}"
            : "";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            parks:
              - id: {Park}
                name: Consumption test park
                district: Baiyun
                areaHectares: 2
                leadingIndustry: testing
                enterprises:
                  - id: e-use
                    name: Test works
                    industry: coating
                    floorArea: 100
                    status: operating
                    devices:
                      - id: d-roll
                        credential: '{Hash("d-roll-pw")}'
                        sensors:
                          - {"{"} id: m-1, quantity: energy, rollover: 1000000 {"}"}
                      - id: d-swap
                        credential: '{Hash("d-swap-pw")}'
                        sensors:
                          - id: m-1
                            quantity: energy{swap}
                      - id: d-water
                        credential: '{Hash("d-water-pw")}'
                        sensors:
                          - {"{"} id: w-1, quantity: water_volume {"}"}
            services:
              - {"{"} id: ingest, role: ingest, credential: '{Hash("ingest-pw")}' {"}"}

            """);
        return text.ToString();
    }
}
