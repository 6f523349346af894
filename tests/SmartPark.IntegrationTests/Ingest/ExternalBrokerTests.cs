using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>Ingest with its embedded broker switched off, consuming from Mosquitto: with a plain
/// persistent subscription (the default) and, for replicas, through a shared subscription
/// (<c>$share/ingest/…</c>, which Mosquitto offers).</summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private MosquittoServer _broker = null!;
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("ingest")]
    public async Task Telemetry_published_to_mosquitto_lands_in_influxdb(string shareGroup)
    {
        await using var ingest = await IngestHost.StartAsync(_influx.Url, "external", "--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={_broker.Port}", $"--Ingest:ShareGroup={shareGroup}");
        var id = "d-ext" + shareGroup;
        var device = new DeviceAddress("p-ext", "e-ext", id);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId(id).Build());
        for (var seq = 1; seq <= 5; seq++)
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Telemetry(device))
                .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(id, seq, TelemetryJson.Reading(ts: DateTimeOffset.UtcNow.AddSeconds(-seq)))))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }
        await client.DisconnectAsync();

        var stored = await Poll.UntilAsync(() => _influx.CountAsync("external", "nmhc", $"device = {InfluxQl.String(id)}"), n => n >= 5, TimeSpan.FromSeconds(30), "5 points from Mosquitto");
        Assert.Equal(5, stored);
    }
}
