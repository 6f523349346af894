using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest;
using SmartPark.Ingest.Broker;
using SmartPark.Ingest.Storage;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The embedded broker says "not stored, send again" (an error PUBACK, or for MQTT 3.1.1 a dropped
/// connection) whenever Ingest cannot make a publish durable now, instead of acknowledging it and
/// dropping it later.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class EmbeddedBrokerRefusalTests : IAsyncLifetime
{
    private const string Database = "refusals";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("smartpark-refusals-").FullName;
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .Build());
        return client;
    }

    private static MqttApplicationMessage Batch(DeviceAddress device, long seq, DateTimeOffset ts) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(device))
            .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, seq, TelemetryJson.Reading("voc-1", "nmhc", 2.5, "mg/m3", ts))))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    private Task<long> StoredAsync(DeviceAddress device) =>
        _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    [Fact]
    public async Task Telemetry_is_refused_while_the_pipeline_is_not_ready_and_stored_once_it_is()
    {
        var port = FreePort.Next();
        await using var app = IngestApp.Build(
        [
            $"--Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--EmbeddedBroker:Port={port}",
            $"--Ingest:Broker:Port={port}",
            $"--Influx:Url={_influx.Url}",
            $"--Influx:Database={Database}",
            $"--Ingest:SpoolDirectory={Path.Combine(_data, "spool")}",
            $"--Rollups:StateDirectory={Path.Combine(_data, "rollups")}",
            $"--Alerts:StateDirectory={Path.Combine(_data, "alerts")}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        // The host starts the broker first; here it stays alone, with writer, alert engine and
        // consumer not started: the moment after a restart when devices reconnect before Ingest is up.
        var broker = app.Services.GetRequiredService<EmbeddedBroker>();
        await broker.StartAsync(CancellationToken.None);
        var device = new DeviceAddress("p-ref", "e-ref", "d-early");
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        using (var v5 = await ConnectAsync(port, "d-early"))
        {
            var refused = await v5.PublishAsync(Batch(device, 1, ts));
            Assert.Equal(MqttClientPublishReasonCode.UnspecifiedError, refused.ReasonCode);
            Assert.Contains("starting", refused.ReasonString, StringComparison.Ordinal);
            Assert.False(refused.IsSuccess);
        }
        using (var v311 = await ConnectAsync(port, "d-early-311", MqttProtocolVersion.V311))
        {
            // 3.1.1 has no way to say no in a PUBACK: the broker drops the connection instead.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<Exception>(() => v311.PublishAsync(Batch(device, 1, ts), wait.Token));
            await Poll.UntilAsync(() => Task.FromResult(!v311.IsConnected), TimeSpan.FromSeconds(10), "the 3.1.1 client to be disconnected");
        }
        await broker.StopAsync(CancellationToken.None);

        await app.StartAsync();
        using (var v5 = await ConnectAsync(port, "d-early"))
        {
            // The device sends the refused batch again once Ingest is up (as the agent's outbox does).
            await Poll.UntilAsync(() => v5.PublishAsync(Batch(device, 1, ts)), r => r.IsSuccess, Timeout, "the batch to be accepted");
            // Acknowledged means in InfluxDB or the spool; until the database exists it is the spool.
            await Poll.UntilAsync(() => StoredAsync(device), n => n == 1, Timeout, "the batch in InfluxDB");
        }
        await app.StopAsync();
    }

    [Fact]
    public async Task A_full_spool_refuses_new_telemetry_with_quota_exceeded_and_loses_nothing_acknowledged()
    {
        const long bound = 64 * 1024;
        await using var ingest = await IngestHost.StartAsync(_influx.Url, Database, $"--Ingest:MaxSpoolBytes={bound}", "--Ingest:DirectWriteTimeout=00:00:02");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        var steady = new DeviceAddress("p-ref", "e-ref", "d-steady");
        await using var load = TelemetryLoad.Start(ingest.BrokerPort, steady);
        await Poll.UntilAsync(() => StoredAsync(steady), n => n >= 100, Timeout, "100 readings stored");

        await _influx.StopAsync();
        await Poll.UntilAsync(() => Task.FromResult(writer.Admission), a => a == WriteAdmission.SpoolFull, Timeout, "the spool to be full");
        var acknowledgedWhenFull = load.ReadingsAcknowledged;
        var late = new DeviceAddress("p-ref", "e-ref", "d-late");
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var client = await ConnectAsync(ingest.BrokerPort, "d-late");
        var refused = await client.PublishAsync(Batch(late, 1, ts));
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, refused.ReasonCode);
        // Nothing more is acknowledged while the spool is full: the steady device keeps its batches.
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, (await client.PublishAsync(Batch(late, 1, ts))).ReasonCode);
        Assert.InRange(load.ReadingsAcknowledged, acknowledgedWhenFull, acknowledgedWhenFull + 10);
        Assert.InRange(writer.SpoolBytes, 1, bound + (16 * 1024));

        await _influx.StartAgainAsync();
        await Poll.UntilAsync(() => client.PublishAsync(Batch(late, 1, ts)), r => r.IsSuccess, Timeout, "the late batch to be accepted");
        await load.StopAsync();
        var published = load.ReadingsAcknowledged;
        Assert.True(published > acknowledgedWhenFull, "the steady device got through once InfluxDB was back");
        await Poll.UntilAsync(() => StoredAsync(steady), n => n >= published, Timeout, $"{published} readings stored");
        Assert.Equal(published, await StoredAsync(steady));
        Assert.Equal(1, await StoredAsync(late));
    }
}
