using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Emissions;

/// <summary>
/// Derived emission quantities through the real Ingest and a real influxd: CEMS rounds published by
/// registered devices are stored with their converted concentration and emission rate, rolled up,
/// and judged, with the discharge permit's limit at its enterprise and the standard's elsewhere;
/// a device may not send a derived quantity itself, and a calibration never alarms.
/// </summary>
public sealed class EmissionIngestTests : IAsyncLifetime
{
    private const string Database = "emissions";
    private const string Park = "p-emit";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DeviceAddress PermittedBoiler = new(Park, "e-permit", "d-boiler");
    private static readonly DeviceAddress OtherBoiler = new(Park, "e-other", "d-boiler-2");
    private readonly string _directory = Directory.CreateTempSubdirectory("smartpark-emissions-").FullName;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        var registry = Path.Combine(_directory, "registry.yaml");
        await File.WriteAllTextAsync(registry, RegistryYaml());
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database,
            $"--Registry:Path={registry}", "--Ingest:Broker:Username=ingest", "--Ingest:Broker:Password=ingest-pw",
            "--Rollups:Grace=00:00:01", "--Rollups:CheckInterval=00:00:00.200",
            "--Alerts:TickInterval=00:00:00.100", "--Alerts:DocumentRefreshInterval=00:00:00.100");
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
    public async Task A_cems_round_is_stored_with_its_converted_nox_and_rate_rolled_up_and_a_device_sending_a_derived_quantity_is_dead_lettered()
    {
        await using var deadLetters = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.DeadLetter(OtherBoiler)], username: "watcher", password: "watcher-pw", clientIdPrefix: "smartpark-dashboard-");
        // Whole minutes two hours ago, so every minute window is closed. 120 mg/m³ at 6 % O₂ is
        // 120 × 17.5 / 15 = 140 at 3.5 %; at 2.5 m³/s the rate is 120 × 2.5 × 0.0036 = 1.08 kg/h.
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds() / 60_000 * 60_000);
        for (var i = 0; i < 4; i++)
            await PublishAsync(OtherBoiler, i + 1, CemsRound(start.AddSeconds(20 * i), nox: 120, o2: 6, flow: 2.5));
        // A data logger that computes the converted value itself and sends it: refused as a whole.
        await PublishAsync(OtherBoiler, 5, [TelemetryJson.Reading("cems-1", "nox_converted", 140, "mg/m3", start.AddSeconds(5))]);

        var converted = await Poll.UntilAsync(() => PointsAsync("nox_converted", OtherBoiler), p => p.Count == 4, Timeout, "four converted NOx values");
        Assert.All(converted, p => Assert.Equal((140.0, "N", "cems-1"), (Math.Round(p.Value, 9), p.Flag, p.Sensor)));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => start.AddSeconds(20 * i).ToUnixTimeMilliseconds()), converted.Select(p => p.Ts));
        var rates = await Poll.UntilAsync(() => PointsAsync("nox_rate", OtherBoiler), p => p.Count == 4, Timeout, "four NOx rates");
        Assert.All(rates, p => Assert.Equal(1.08, p.Value, 9));
        // The measured values are stored as sent, beside the derived ones.
        Assert.Equal(4, (await PointsAsync("nox", OtherBoiler)).Count);

        // The minute rollups take the derived measurements like any other: 3 readings in the first minute, 1 in the second.
        var minutes = await Poll.UntilAsync(() => RollupAsync("nox_converted_1m", OtherBoiler), r => r.Sum(x => x.Count) == 4, Timeout, "nox_converted_1m to cover 4 readings");
        Assert.Equal([(start.ToUnixTimeMilliseconds(), 3L), (start.AddMinutes(1).ToUnixTimeMilliseconds(), 1L)], minutes.Select(m => (m.Start, m.Count)));
        Assert.All(minutes, m => Assert.Equal(140, m.Mean, 9));
        var rateMinutes = await Poll.UntilAsync(() => RollupAsync("nox_rate_1m", OtherBoiler), r => r.Sum(x => x.Count) == 4, Timeout, "nox_rate_1m to cover 4 readings");
        Assert.All(rateMinutes, m => Assert.Equal(1.08, m.Mean, 9));

        // The registered-readings check letters the unregistered nox_converted on its own; the validator's letter names it derived.
        static IEnumerable<string> Codes(IReadOnlyList<(string Topic, byte[] Payload)> messages) =>
            messages.SelectMany(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.DeadLetter)!.Errors.Select(e => e.Code));
        await Poll.UntilAsync(() => Task.FromResult(deadLetters.Messages), m => Codes(m).Contains(RejectionCodes.DerivedQuantity), Timeout, "the dead letter of the derived quantity");
        Assert.Equal(4, (await PointsAsync("nox_converted", OtherBoiler)).Count); // nothing of it stored
    }

    [Fact]
    public async Task Converted_nox_of_150_raises_at_the_permits_enterprise_with_its_limit_and_not_elsewhere_and_a_calibration_never_does()
    {
        await using var watcher = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts, SmartParkTopics.Rules(Park)], username: "watcher", password: "watcher-pw", clientIdPrefix: "smartpark-dashboard-");
        // O₂ at the reference 3.5 %: the converted value is the measured 150, above the permit's 100, below the standard's 200.
        var now = DateTimeOffset.UtcNow.AddSeconds(-30);
        for (var i = 0; i < 3; i++)
        {
            await PublishAsync(PermittedBoiler, i + 1, CemsRound(now.AddSeconds(i), nox: 150, o2: 3.5, flow: 2));
            await PublishAsync(OtherBoiler, i + 1, CemsRound(now.AddSeconds(i), nox: 150, o2: 3.5, flow: 2));
        }
        // A span-gas check on the permitted boiler's analyser: 400 mg/m³, every value flagged C.
        for (var i = 0; i < 5; i++)
            await PublishAsync(PermittedBoiler, 10 + i, CemsRound(now.AddSeconds(10 + i), nox: 400, o2: 3.5, flow: 2, flag: DataFlag.Calibration, sensor: "cems-2"));

        var alert = await Poll.UntilAsync(() => Task.FromResult(Alerts(watcher)), a => a.Any(d => d.RuleId == "nox-1h"), Timeout, "the nox-1h alert");
        var raised = Assert.Single(alert, d => d.RuleId == "nox-1h");
        Assert.Equal(("e-permit", "d-boiler", "cems-1", 100.0, 150.0), (raised.Enterprise, raised.Device, raised.Sensor, raised.Limit!.Value, raised.Value!.Value));
        Assert.StartsWith("排污许可证 91440101MA5EMIT01X001V", raised.Source, StringComparison.Ordinal);
        Assert.True(raised.Bureau);

        // The park's published rules carry both limits.
        var rules = await Poll.UntilAsync(() => Task.FromResult(ParkRules(watcher)), r => r is not null, Timeout, "the park's rules");
        Assert.Contains(rules!.Rules, r => r.RuleId == "nox-1h" && r.Enterprise is null && r.Limit == 200);
        Assert.Contains(rules.Rules, r => r.RuleId == "nox-1h" && r.Enterprise == "e-permit" && r.Limit == 100);

        // The calibration values were stored with their flag; a later measured round of the other boiler is judged
        // (and stays below 200), so the engine has seen everything published before it.
        var calibration = await Poll.UntilAsync(() => PointsAsync("nox_converted", PermittedBoiler), p => p.Count(x => x.Sensor == "cems-2") == 5, Timeout, "the calibration's converted values");
        Assert.All(calibration.Where(p => p.Sensor == "cems-2"), p => Assert.Equal("C", p.Flag));
        await PublishAsync(OtherBoiler, 20, CemsRound(now.AddSeconds(20), nox: 190, o2: 3.5, flow: 2));
        await Poll.UntilAsync(() => PointsAsync("nox_converted", OtherBoiler), p => p.Count == 4, Timeout, "the other boiler's fourth round");
        var all = Alerts(watcher);
        Assert.DoesNotContain(all, d => d.Enterprise == "e-other");
        Assert.DoesNotContain(all, d => d.Sensor == "cems-2");
    }

    private static System.Text.Json.Nodes.JsonObject[] CemsRound(DateTimeOffset at, double nox, double o2, double flow, string flag = DataFlag.Normal, string sensor = "cems-1") =>
    [
        TelemetryJson.Reading(sensor, "nox", nox, "mg/m3", at, flag),
        TelemetryJson.Reading(sensor, "o2", o2, "%", at, flag),
        TelemetryJson.Reading(sensor, "flue_gas_flow", flow, "m3/s", at, flag),
    ];

    private async Task PublishAsync(DeviceAddress device, long seq, System.Text.Json.Nodes.JsonObject[] readings)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _ingest.BrokerPort)
            .WithClientId(device.Device).WithCredentials(device.Device, device.Device + "-pw").Build());
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(device))
            .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, seq, readings)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"publish refused: {result.ReasonCode}");
        await client.DisconnectAsync();
    }

    private sealed record Point(long Ts, double Value, string Flag, string Sensor);

    private async Task<List<Point>> PointsAsync(string measurement, DeviceAddress device)
    {
        var response = await _influx.Client(Database).QueryAsync(
            $"SELECT value, flag, sensor FROM {InfluxQl.Identifier(measurement)} WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.Single().Series?.SingleOrDefault();
        if (series is null)
            return [];
        return [.. series.Values.Select(row => new Point(row[series.ColumnIndex("time")].GetInt64(), row[series.ColumnIndex("value")].GetDouble(),
            row[series.ColumnIndex("flag")].GetString()!, row[series.ColumnIndex("sensor")].GetString()!))];
    }

    private async Task<List<(long Start, long Count, double Mean)>> RollupAsync(string measurement, DeviceAddress device)
    {
        var response = await _influx.Client(Database).QueryAsync(
            $"SELECT \"mean\", \"count\" FROM {InfluxQl.Identifier(measurement)} WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.Single().Series?.SingleOrDefault();
        if (series is null)
            return [];
        return [.. series.Values.Select(row => (row[series.ColumnIndex("time")].GetInt64(), row[series.ColumnIndex("count")].GetInt64(), row[series.ColumnIndex("mean")].GetDouble())).OrderBy(r => r.Item1)];
    }

    private static List<AlertDocument> Alerts(MqttCollector collector)
    {
        var latest = new Dictionary<string, AlertDocument?>();
        foreach (var (topic, payload) in collector.Messages)
        {
            if (SmartParkTopics.TryParse(topic, out var parsed) && parsed.Kind == TopicKind.Alert)
                latest[parsed.AlertId!] = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.AlertDocument);
        }
        return [.. latest.Values.OfType<AlertDocument>()];
    }

    private static ParkRules? ParkRules(MqttCollector collector) =>
        collector.Messages.LastOrDefault(m => m.Topic == SmartParkTopics.Rules(Park)) is { Payload.Length: > 0 } message
            ? JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.ParkRules)
            : null;

    /// <summary>Two boilers' CEMS at two enterprises, gas-fired (reference O₂ 3.5 %); one enterprise's permit limits NOx to 100.</summary>
    private static string RegistryYaml()
    {
        string Hash(string password) => MosquittoPasswordHash.Create(password, iterations: 50);
        string Boiler(string id) => string.Create(CultureInfo.InvariantCulture, $$"""
                      - id: {{id}}
                        credential: '{{Hash(id + "-pw")}}'
                        sensors:
                          - { id: cems-1, quantities: [nox, o2, flue_gas_flow], emission: { referenceO2: 3.5 } }
                          - { id: cems-2, quantities: [nox, o2, flue_gas_flow], emission: { referenceO2: 3.5 } }
            """);
        return $$"""
            parks:
              - id: {{Park}}
                name: Emissions test park
                district: Baiyun
                areaHectares: 2
                leadingIndustry: testing
                enterprises:
                  - id: e-permit
                    name: Permitted boiler works
                    industry: textiles
                    floorArea: 100
                    status: operating
                    dischargePermit: { number: 91440101MA5EMIT01X001V, expiry: 2030-12-31, limits: { nox_converted: 100 } }
                    devices:
            {{Boiler("d-boiler")}}
                  - id: e-other
                    name: Other boiler works
                    industry: textiles
                    floorArea: 100
                    status: operating
                    devices:
            {{Boiler("d-boiler-2")}}
            services:
              - { id: ingest, role: ingest, credential: '{{Hash("ingest-pw")}}' }
              - { id: watcher, role: dashboard, credential: '{{Hash("watcher-pw")}}' }

            """;
    }
}
