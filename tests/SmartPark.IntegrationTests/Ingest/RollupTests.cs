using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Ingest's 1-minute and 1-hour rollups against a real influxd, checked against mean, min, max
/// and count computed here, independently, from the raw points read back from InfluxDB: over a
/// window's measured readings (flag N or T), or over all of them when it has none.
/// </summary>
public sealed class RollupTests : IAsyncLifetime
{
    private const string Database = "rollups";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;
    private IMqttClient _device = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database, "--Rollups:Grace=00:00:01", "--Rollups:CheckInterval=00:00:00.200");
        _device = new MqttClientFactory().CreateMqttClient();
        await _device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _ingest.BrokerPort).WithClientId("rollup-test").Build());
    }

    public async Task DisposeAsync()
    {
        await _device.DisconnectAsync();
        _device.Dispose();
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
    }

    private Task PublishAsync(DeviceAddress device, long seq, IEnumerable<(string Sensor, double Value, DateTimeOffset Ts)> readings) =>
        PublishAsync(device, seq, readings.Select(r => (r.Sensor, r.Value, r.Ts, "N")));

    private async Task PublishAsync(DeviceAddress device, long seq, IEnumerable<(string Sensor, double Value, DateTimeOffset Ts, string Flag)> readings)
    {
        var batch = TelemetryJson.Batch(device.Device, seq, readings.Select(r => TelemetryJson.Reading(r.Sensor, "nmhc", r.Value, "mg/m3", r.Ts, r.Flag)).ToArray());
        await _device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(device))
            .WithPayload(TelemetryJson.Bytes(batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    private sealed record Stats(long Count, double Mean, double Min, double Max);

    /// <summary>The raw points of a device, read back and aggregated here per (sensor, window).</summary>
    private async Task<Dictionary<(string Sensor, long Start), Stats>> ExpectedAsync(DeviceAddress device, TimeSpan window)
    {
        var response = await _influx.Client(Database).QueryAsync($"SELECT value, flag, sensor FROM nmhc WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.Single().Series!.Single();
        var length = (long)window.TotalMilliseconds;
        return series.Values
            .Select(row => (Ts: row[series.ColumnIndex("time")].GetInt64(), Value: row[series.ColumnIndex("value")].GetDouble(),
                Sensor: row[series.ColumnIndex("sensor")].GetString()!, Flag: row[series.ColumnIndex("flag")].GetString()!))
            .GroupBy(p => (p.Sensor, p.Ts - (p.Ts % length)))
            .ToDictionary(g => g.Key, g =>
            {
                var measured = g.Where(p => p.Flag is "N" or "T").ToList();
                var used = measured.Count > 0 ? measured : g.ToList();
                return new Stats(used.Count, used.Sum(p => p.Value) / used.Count, used.Min(p => p.Value), used.Max(p => p.Value));
            });
    }

    private async Task<long> RawCountAsync(DeviceAddress device) =>
        await _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    private async Task<Dictionary<(string Sensor, long Start), Stats>> RollupsAsync(DeviceAddress device, string measurement)
    {
        var response = await _influx.Client(Database).QueryAsync(
            $"SELECT \"mean\", \"min\", \"max\", \"count\", sensor FROM {InfluxQl.Identifier(measurement)} WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.Single().Series?.SingleOrDefault();
        if (series is null)
            return [];
        double D(IReadOnlyList<JsonElement> row, string column) => row[series.ColumnIndex(column)].GetDouble();
        return series.Values.ToDictionary(
            row => (row[series.ColumnIndex("sensor")].GetString()!, row[series.ColumnIndex("time")].GetInt64()),
            row => new Stats(row[series.ColumnIndex("count")].GetInt64(), D(row, "mean"), D(row, "min"), D(row, "max")));
    }

    private static void AssertSame(Dictionary<(string Sensor, long Start), Stats> expected, Dictionary<(string Sensor, long Start), Stats> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, want) in expected)
        {
            var got = actual[key];
            Assert.Equal(want.Count, got.Count);
            Assert.Equal(want.Min, got.Min);
            Assert.Equal(want.Max, got.Max);
            Assert.Equal(want.Mean, got.Mean, 9);
        }
    }

    private async Task<Dictionary<(string Sensor, long Start), Stats>> WaitForRollupsAsync(DeviceAddress device, string measurement, long readings) =>
        await Poll.UntilAsync(() => RollupsAsync(device, measurement), r => r.Values.Sum(s => s.Count) == readings, Timeout, $"{measurement} to cover {readings} readings");

    [Fact]
    public async Task Minute_and_hour_rollups_match_the_raw_points_and_a_late_reading_recomputes_its_window()
    {
        var device = new DeviceAddress("p-roll", "e-roll", "d-roll");
        // Two whole hours ago, so every window is long closed: readings in 5 minutes of one hour
        // and 2 of the next, two sensors, values from a fixed seed.
        var hour = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);
        var random = new Random(20261125);
        var readings = new List<(string Sensor, double Value, DateTimeOffset Ts)>();
        int[] minutes = [0, 1, 2, 30, 59, 60, 61];
        foreach (var minute in minutes)
        {
            foreach (var sensor in new[] { "voc-1", "voc-2" })
            {
                for (var i = 0; i < 6 + random.Next(6); i++)
                    readings.Add((sensor, Math.Round(random.NextDouble() * 30, 3), hour.AddMinutes(minute).AddSeconds(i * 4).AddMilliseconds(random.Next(1000))));
            }
        }
        long seq = 0;
        foreach (var chunk in readings.Chunk(7))
            await PublishAsync(device, ++seq, chunk);

        var minuteRollups = await WaitForRollupsAsync(device, "nmhc_1m", readings.Count);
        AssertSame(await ExpectedAsync(device, TimeSpan.FromMinutes(1)), minuteRollups);
        Assert.Equal(minutes.Length * 2, minuteRollups.Count);
        AssertSame(await ExpectedAsync(device, TimeSpan.FromHours(1)), await WaitForRollupsAsync(device, "nmhc_1h", readings.Count));

        // A reading that arrives long after its window closed: the window is computed again.
        await PublishAsync(device, ++seq, [("voc-1", 99.5, hour.AddMinutes(1).AddSeconds(58))]);
        var recomputed = await WaitForRollupsAsync(device, "nmhc_1m", readings.Count + 1);
        var expected = await ExpectedAsync(device, TimeSpan.FromMinutes(1));
        AssertSame(expected, recomputed);
        Assert.Equal(99.5, recomputed[("voc-1", hour.AddMinutes(1).ToUnixTimeMilliseconds())].Max);
        AssertSame(await ExpectedAsync(device, TimeSpan.FromHours(1)), await WaitForRollupsAsync(device, "nmhc_1h", readings.Count + 1));
    }

    [Fact]
    public async Task Calibration_and_fault_readings_stay_out_of_a_window_that_has_measured_ones()
    {
        var device = new DeviceAddress("p-roll", "e-roll", "d-flags");
        var hour = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);
        DateTimeOffset At(int minute, int second) => hour.AddMinutes(minute).AddSeconds(second);
        (string Sensor, double Value, DateTimeOffset Ts, string Flag)[] readings =
        [
            // Minute 0: measured 4, 5, 6 with a span-gas check at 50 and a faulty 0 in between.
            ("voc-1", 4, At(0, 0), "N"), ("voc-1", 50, At(0, 10), "C"), ("voc-1", 5, At(0, 20), "N"),
            ("voc-1", 0, At(0, 30), "D"), ("voc-1", 6, At(0, 40), "N"),
            // Minute 1: over the range (measured: at least 40) and a normal 10.
            ("voc-1", 40, At(1, 0), "T"), ("voc-1", 10, At(1, 30), "N"),
            // Minute 2: calibration throughout; minute 3: a dead sensor only.
            ("voc-1", 50, At(2, 0), "C"), ("voc-1", 48, At(2, 30), "C"),
            ("voc-1", 0, At(3, 0), "D"),
        ];
        await PublishAsync(device, 1, readings);
        await Poll.UntilAsync(() => RawCountAsync(device), n => n == readings.Length, Timeout, "the raw readings in InfluxDB");

        var expectedMinutes = await ExpectedAsync(device, TimeSpan.FromMinutes(1));
        var minutes = await WaitForRollupsAsync(device, "nmhc_1m", expectedMinutes.Values.Sum(s => s.Count));
        AssertSame(expectedMinutes, minutes);
        Assert.Equal(new Stats(3, 5, 4, 6), minutes[("voc-1", At(0, 0).ToUnixTimeMilliseconds())]);
        Assert.Equal(new Stats(2, 25, 10, 40), minutes[("voc-1", At(1, 0).ToUnixTimeMilliseconds())]);
        Assert.Equal(new Stats(2, 49, 48, 50), minutes[("voc-1", At(2, 0).ToUnixTimeMilliseconds())]);
        Assert.Equal(new Stats(1, 0, 0, 0), minutes[("voc-1", At(3, 0).ToUnixTimeMilliseconds())]);

        // The field that says which windows fell back to readings that were not measured.
        var measured = await _influx.Client(Database).QueryAsync($"SELECT \"measured\" FROM \"nmhc_1m\" WHERE device = 'd-flags'", CancellationToken.None);
        Assert.Equal([3L, 2, 0, 0], measured.Results.Single().Series!.Single().Values.Select(row => row[1].GetInt64()));

        // The hour has measured readings, so the span gas and the faults stay out of it entirely.
        var expectedHour = await ExpectedAsync(device, TimeSpan.FromHours(1));
        var hourly = await WaitForRollupsAsync(device, "nmhc_1h", expectedHour.Values.Sum(s => s.Count));
        AssertSame(expectedHour, hourly);
        Assert.Equal(new Stats(5, 13, 4, 40), hourly[("voc-1", hour.ToUnixTimeMilliseconds())]);
    }

    [Fact]
    public async Task A_replayed_batch_counts_once_in_the_rollups()
    {
        var device = new DeviceAddress("p-roll", "e-roll", "d-replay");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds() / 60_000 * 60_000);
        (string, double, DateTimeOffset)[] readings = [("voc-1", 1.5, at), ("voc-1", 2.5, at.AddSeconds(10)), ("voc-1", 4.0, at.AddSeconds(20))];
        await PublishAsync(device, 1, readings);
        await WaitForRollupsAsync(device, "nmhc_1m", 3);
        // The same batch again (an agent that never saw its PUBACK): the rollup stays at 3 readings.
        await PublishAsync(device, 1, readings);
        await PublishAsync(device, 2, [("voc-1", 3.0, at.AddSeconds(30))]);
        var rollups = await WaitForRollupsAsync(device, "nmhc_1m", 4);
        Assert.Equal(new Stats(4, 2.75, 1.5, 4.0), rollups[("voc-1", at.ToUnixTimeMilliseconds())]);
    }
}
