using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>
/// An external broker without an ACL lets anyone publish anywhere; Ingest with a registry then
/// dead-letters telemetry of devices it does not know, or on a path that is not theirs.
/// </summary>
public sealed class UnknownDeviceTests : IAsyncLifetime
{
    private const string Database = "unknown_devices";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DeviceAddress Known = new("p-open", "e-open", "d-known");

    private readonly RegistryFile _registry = new();
    private MosquittoServer _broker = null!;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        await _registry.WriteAsync(Known);
        _broker = await MosquittoServer.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database,
            ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={_broker.Port}", .. _registry.IngestArgs()]);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
        await _broker.DisposeAsync();
        _registry.Dispose();
    }

    [Fact]
    public async Task Telemetry_from_an_unknown_device_or_a_wrong_path_is_dead_lettered_and_the_known_device_lands()
    {
        var stranger = new DeviceAddress("p-open", "e-open", "d-stranger");
        var wrongPath = new DeviceAddress("p-open", "e-elsewhere", Known.Device);
        await using var deadLetters = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.AllDeadLetters]);
        var (client, _) = await TestDevice.ConnectAsync(_broker.Port, null, null, clientId: "anyone");
        using var _ = client;
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        await TestDevice.PublishReadingAsync(client, stranger, 1, ts);
        await TestDevice.PublishReadingAsync(client, wrongPath, 2, ts);
        await TestDevice.PublishReadingAsync(client, Known, 3, ts);

        await Poll.UntilAsync(() => _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(Known.Device)}"), n => n >= 1, Timeout, "the known device's reading");
        var letters = await Poll.UntilAsync(() => Task.FromResult(deadLetters.Messages), m => m.Count >= 2, Timeout, "two dead letters");
        var byTopic = letters.ToDictionary(l => l.Topic, l => JsonSerializer.Deserialize(l.Payload, ContractsJsonContext.Default.DeadLetter)!);

        var unknown = byTopic[SmartParkTopics.DeadLetter(stranger)].Errors.Single();
        Assert.Equal(RejectionCodes.UnknownDevice, unknown.Code);
        Assert.Contains("not in the registry", unknown.Message, StringComparison.Ordinal);
        var moved = byTopic[SmartParkTopics.DeadLetter(wrongPath)].Errors.Single();
        Assert.Equal(RejectionCodes.UnknownDevice, moved.Code);
        Assert.Contains("registered at p-open/e-open, not p-open/e-elsewhere", moved.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(Known.Device)}"));
    }
}
