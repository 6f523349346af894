using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>Ingest against a real influxd, fed through its embedded broker.</summary>
public sealed class IngestToInfluxTests(IngestFixture fixture) : IClassFixture<IngestFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private IMqttClient _device = null!;

    public async Task InitializeAsync()
    {
        _device = new MqttClientFactory().CreateMqttClient();
        await _device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fixture.Ingest.BrokerPort)
            .WithClientId("test-device-" + Guid.NewGuid().ToString("N")[..8])
            .Build());
    }

    public async Task DisposeAsync()
    {
        await _device.DisconnectAsync();
        _device.Dispose();
    }

    private static DeviceAddress NewDevice() => new("p-test", "e-test", "d-" + Guid.NewGuid().ToString("N")[..10]);

    private Task PublishAsync(DeviceAddress device, byte[] payload) =>
        _device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(device))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    private Task<long> CountAsync(string measurement, DeviceAddress device) =>
        fixture.Influx.CountAsync(IngestFixture.Database, measurement, $"device = {InfluxQl.String(device.Device)}");

    private Task WaitForCountAsync(string measurement, DeviceAddress device, long expected) =>
        Poll.UntilAsync(() => CountAsync(measurement, device), n => n >= expected, Timeout, $"{expected} {measurement} points of {device.Device}");

    [Fact]
    public async Task Points_land_with_measurement_tags_fields_and_millisecond_timestamps()
    {
        var device = NewDevice();
        var ts = DateTimeOffset.UtcNow.AddSeconds(-10);
        ts = DateTimeOffset.FromUnixTimeMilliseconds(ts.ToUnixTimeMilliseconds() / 1000 * 1000 + 123);
        await PublishAsync(device, TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 1,
            TelemetryJson.Reading("voc-1", "nmhc", 2.7, "mg/m3", ts),
            TelemetryJson.Reading("meter-1", "power", 41.25, "kW", ts.AddMilliseconds(1), "M"))));

        await WaitForCountAsync("nmhc", device, 1);
        await WaitForCountAsync("power", device, 1);

        var influx = fixture.Influx.Client(IngestFixture.Database);
        var rows = await influx.QueryAsync($"SELECT * FROM nmhc WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = rows.Results[0].Series!.Single();
        var row = series.Values.Single();
        Assert.Equal(ts.ToUnixTimeMilliseconds(), row[series.ColumnIndex("time")].GetInt64());
        Assert.Equal(2.7, row[series.ColumnIndex("value")].GetDouble());
        Assert.Equal("N", row[series.ColumnIndex("flag")].GetString());
        Assert.Equal("p-test", row[series.ColumnIndex("park")].GetString());
        Assert.Equal("e-test", row[series.ColumnIndex("enterprise")].GetString());
        Assert.Equal(device.Device, row[series.ColumnIndex("device")].GetString());
        Assert.Equal("voc-1", row[series.ColumnIndex("sensor")].GetString());

        var power = (await influx.QueryAsync($"SELECT value, flag FROM power WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None)).Results[0].Series!.Single();
        Assert.Equal(ts.AddMilliseconds(1).ToUnixTimeMilliseconds(), power.Values[0][0].GetInt64());
        Assert.Equal("M", power.Values[0][2].GetString());

        var tags = (await influx.QueryAsync("SHOW TAG KEYS FROM nmhc", CancellationToken.None)).Results[0].Series!.Single();
        Assert.Equal(["device", "enterprise", "park", "sensor"], tags.Values.Select(v => v[0].GetString()));
        var fields = (await influx.QueryAsync("SHOW FIELD KEYS FROM nmhc", CancellationToken.None)).Results[0].Series!.Single();
        Assert.Equal([("flag", "string"), ("value", "float")], fields.Values.Select(v => (v[0].GetString(), v[1].GetString())));
    }

    [Fact]
    public async Task A_replayed_batch_creates_no_duplicate()
    {
        var device = NewDevice();
        var ts = DateTimeOffset.UtcNow.AddSeconds(-30);
        var batch = TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 7,
            TelemetryJson.Reading("voc-1", "nmhc", 1.1, "mg/m3", ts),
            TelemetryJson.Reading("voc-1", "nmhc", 1.2, "mg/m3", ts.AddSeconds(5))));
        await PublishAsync(device, batch);
        await WaitForCountAsync("nmhc", device, 2);

        await PublishAsync(device, batch);
        // The broker and Ingest keep one device's order, so once a later marker is stored the
        // replay has been stored too.
        await PublishAsync(device, TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 8, TelemetryJson.Reading("marker-1", "co2", 400, "ppm", ts))));
        await WaitForCountAsync("co2", device, 1);

        Assert.Equal(2, await CountAsync("nmhc", device));
    }

    [Fact]
    public async Task Bad_batches_are_dead_lettered_with_reasons_while_good_ones_around_them_land()
    {
        var device = NewDevice();
        await using var deadLetters = await MqttCollector.StartAsync(fixture.Ingest.BrokerPort, [SmartParkTopics.DeadLetter(device)]);
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        var unknownQuantity = TelemetryJson.Reading("voc-1", "radon", 1, "Bq/m3", ts);
        var nan = TelemetryJson.Reading("voc-1", "nmhc", 0, "mg/m3", ts);
        nan["value"] = "NaN";
        var future = TelemetryJson.Reading("voc-1", "nmhc", 1, "mg/m3", DateTimeOffset.UtcNow.AddDays(2));
        var oversize = new JsonObject { ["schema"] = 1, ["device"] = device.Device, ["padding"] = new string('x', 70_000) };

        (byte[] Payload, string Code)[] bad =
        [
            (Encoding.UTF8.GetBytes("{\"schema\":1, \"readings\": [ oops"), RejectionCodes.MalformedJson),
            (TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 2, unknownQuantity)), RejectionCodes.UnknownQuantity),
            (TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 3, nan)), RejectionCodes.NotFinite),
            (Encoding.UTF8.GetBytes(TelemetryJson.Batch(device.Device, 4, TelemetryJson.Reading(ts: ts)).ToJsonString().Replace("2.7", "NaN", StringComparison.Ordinal)), RejectionCodes.MalformedJson),
            (TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 5, future)), RejectionCodes.TimestampInFuture),
            (TelemetryJson.Bytes(oversize), RejectionCodes.PayloadTooLarge),
        ];

        await PublishAsync(device, TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 1, TelemetryJson.Reading("voc-1", "nmhc", 1.5, "mg/m3", ts))));
        foreach (var (payload, _) in bad)
            await PublishAsync(device, payload);
        await PublishAsync(device, TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 6, TelemetryJson.Reading("voc-1", "nmhc", 1.6, "mg/m3", ts.AddSeconds(1)))));

        await WaitForCountAsync("nmhc", device, 2);
        var letters = await Poll.UntilAsync(() => Task.FromResult(deadLetters.Messages), m => m.Count >= bad.Length, Timeout, "a dead letter per bad batch");

        var parsed = letters.Select(l => JsonSerializer.Deserialize(l.Payload, ContractsJsonContext.Default.DeadLetter)!).ToList();
        Assert.Equal(bad.Select(b => b.Code), parsed.Select(p => p.Errors[0].Code));
        Assert.All(parsed, p => Assert.Equal(SmartParkTopics.Telemetry(device), p.Topic));
        Assert.All(parsed, p => Assert.False(string.IsNullOrWhiteSpace(p.Errors[0].Message)));
        Assert.InRange(parsed[^1].PayloadBytes, 70_000, 70_200);
        Assert.Equal(2, await CountAsync("nmhc", device));
    }

    [Fact]
    public async Task Telemetry_on_a_topic_with_an_invalid_id_is_dead_lettered_unaddressed()
    {
        await using var deadLetters = await MqttCollector.StartAsync(fixture.Ingest.BrokerPort, [SmartParkTopics.UnaddressedDeadLetter]);
        await _device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("smartpark/v1/Park_A/e/d/telemetry")
            .WithPayload("{}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        var letters = await Poll.UntilAsync(() => Task.FromResult(deadLetters.Messages), m => m.Count >= 1, Timeout, "the unaddressed dead letter");
        var letter = JsonSerializer.Deserialize(letters[0].Payload, ContractsJsonContext.Default.DeadLetter)!;
        Assert.Equal(RejectionCodes.InvalidTopic, letter.Errors[0].Code);
        Assert.Equal("smartpark/v1/Park_A/e/d/telemetry", letter.Topic);
    }

    [Fact]
    public async Task Health_and_metrics_are_served()
    {
        var device = NewDevice();
        await PublishAsync(device, TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, 1, TelemetryJson.Reading(ts: DateTimeOffset.UtcNow))));
        await WaitForCountAsync("nmhc", device, 1);
        using var http = new HttpClient();
        var health = await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{fixture.Ingest.HttpPort}/healthz"));
        Assert.Contains("\"influxdb\"", health, StringComparison.Ordinal);
        Assert.Contains("\"broker\"", health, StringComparison.Ordinal);
        var metrics = await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{fixture.Ingest.HttpPort}/metrics"));
        Assert.Contains("smartpark_ingest", metrics, StringComparison.Ordinal);
    }
}
