using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Registry;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>One influxd and one Ingest whose embedded broker uses a registry of two devices.</summary>
public sealed class EmbeddedBrokerAuthFixture : IAsyncLifetime
{
    public const string Database = "auth_embedded";
    public static readonly DeviceAddress Good = new("p-auth", "e-auth", "d-good");
    public static readonly DeviceAddress Other = new("p-auth", "e-auth", "d-other");

    public RegistryFile Registry { get; } = new();
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Registry.WriteAsync(Good, Other);
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, Database, Registry.IngestArgs());
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        Registry.Dispose();
    }
}

/// <summary>Ingest's embedded broker with a registry: only registered accounts get in, and a
/// device publishes only under its own topics; what the valid device sends still lands.</summary>
public sealed partial class EmbeddedBrokerAuthTests(EmbeddedBrokerAuthFixture fixture) : IClassFixture<EmbeddedBrokerAuthFixture>
{
    private const string Database = EmbeddedBrokerAuthFixture.Database;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DeviceAddress Good = EmbeddedBrokerAuthFixture.Good;
    private static readonly DeviceAddress Other = EmbeddedBrokerAuthFixture.Other;

    private RegistryFile Registry => fixture.Registry;
    private InfluxDbServer Influx => fixture.Influx;
    private IngestHost Ingest => fixture.Ingest;

    private Task<long> CountAsync(DeviceAddress device) =>
        Influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var (client, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, "not-the-password");
        using (client)
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
    }

    [Fact]
    public async Task An_unknown_device_or_an_anonymous_client_is_refused()
    {
        var (stranger, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, "d-stranger", RegistryFile.PasswordOf("d-stranger"));
        using (stranger)
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
        var (anonymous, anonymousCode) = await TestDevice.ConnectAsync(Ingest.BrokerPort, null, null);
        using (anonymous)
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, anonymousCode);
    }

    [Fact]
    public async Task A_device_must_use_its_id_as_client_id()
    {
        var (client, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, RegistryFile.PasswordOf(Good.Device), clientId: Other.Device);
        using (client)
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, code);
    }

    [Fact]
    public async Task A_device_publishing_under_another_devices_topic_is_refused_and_its_own_data_lands()
    {
        // The dashboard account reads everything, dead letters included.
        var (dashboard, dashboardCode) = await TestDevice.ConnectAsync(Ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, clientId: "smartpark-dashboard-test");
        using var __ = dashboard;
        Assert.Equal(MqttClientConnectResultCode.Success, dashboardCode);
        var letters = new ConcurrentQueue<MqttApplicationMessage>();
        dashboard.ApplicationMessageReceivedAsync += m =>
        {
            letters.Enqueue(m.ApplicationMessage);
            return Task.CompletedTask;
        };
        var granted = await dashboard.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(SmartParkTopics.AllDeadLetters).Build());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, granted.Items.Single().ResultCode);

        var (client, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        var refused = await TestDevice.PublishReadingAsync(client, Other, 1, ts, payloadDevice: Other.Device);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
        // docs/architecture.md, "Non-negotiables": a wrong topic for the device's credentials gets a dead letter, on the sender's own topic.
        await Poll.UntilAsync(() => Task.FromResult(letters.Count), n => n >= 1, Timeout, "the dead letter of the refused publish");
        Assert.True(letters.TryDequeue(out var letter));
        Assert.Equal(SmartParkTopics.DeadLetter(Good), letter.Topic);
        var deadLetter = JsonSerializer.Deserialize(letter.Payload.ToArray(), ContractsJsonContext.Default.DeadLetter)!;
        Assert.Equal(RejectionCodes.NotAuthorized, deadLetter.Errors.Single().Code);
        Assert.Equal(SmartParkTopics.Telemetry(Other), deadLetter.Topic);
        var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(SmartParkTopics.Telemetry(Other)).Build());
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, subscribed.Items.Single().ResultCode);

        // The connection stays usable: the device's own reading is accepted and stored.
        Assert.True(client.IsConnected);
        var accepted = await TestDevice.PublishReadingAsync(client, Good, 2, ts);
        // Stored (the PUBACK waits for that); "no matching subscribers" is a success code too, which
        // the embedded broker answers when nothing but Ingest's in-process pipeline took the reading.
        Assert.True(accepted.IsSuccess, accepted.ReasonCode.ToString());
        await Poll.UntilAsync(() => CountAsync(Good), n => n >= 1, Timeout, "d-good's reading in InfluxDB");
        Assert.Equal(0, await CountAsync(Other));
    }

    [Fact]
    public async Task A_reloaded_registry_lets_a_new_device_in_and_an_invalid_one_changes_nothing()
    {
        var provider = Ingest.Services.GetRequiredService<RegistryProvider>();
        var added = new DeviceAddress("p-auth", "e-auth", "d-added");

        // An invalid new version (the new device listed twice) is refused; the old one stays.
        var invalid = Registry.Yaml(Good, Other, added, added);
        await File.WriteAllTextAsync(Registry.Path, invalid);
        await Poll.UntilAsync(() => Task.FromResult(provider.Rejected), n => n >= 1, Timeout, "the invalid registry to be refused");
        var (refused, refusedCode) = await TestDevice.ConnectAsync(Ingest.BrokerPort, added.Device, RegistryFile.PasswordOf(added.Device));
        using (refused)
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refusedCode);

        var version = provider.Version;
        await Registry.WriteAsync(Good, Other, added);
        await Poll.UntilAsync(() => Task.FromResult(provider.Version), v => v > version, Timeout, "the new registry to be loaded");

        var (client, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, added.Device, RegistryFile.PasswordOf(added.Device));
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        var published = await TestDevice.PublishReadingAsync(client, added, 1, DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.True(published.IsSuccess, published.ReasonCode.ToString());
        await Poll.UntilAsync(() => CountAsync(added), n => n >= 1, Timeout, "the new device's reading in InfluxDB");
    }
}
