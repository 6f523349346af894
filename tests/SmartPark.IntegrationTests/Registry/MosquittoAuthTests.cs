using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Commands;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>One influxd, and a Mosquitto configured from <c>mosquitto-auth</c>'s files with
/// Ingest consuming from it as the registry's ingest account.</summary>
public sealed class MosquittoAuthFixture : IAsyncLifetime
{
    public const string Database = "auth_mosquitto";
    public static readonly DeviceAddress Good = new("p-mq", "e-mq", "d-mq-good");
    public static readonly DeviceAddress Other = new("p-mq", "e-mq", "d-mq-other");

    public RegistryFile Registry { get; } = new();
    public MosquittoServer Broker { get; private set; } = null!;
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Registry.WriteAsync(Good, Other);
        var auth = Path.Combine(Registry.Directory, "mosquitto");
        using var output = new StringWriter();
        using var error = new StringWriter();
        if (MosquittoAuthCommand.Run([Registry.Path, auth], output, error) != 0)
            throw new InvalidOperationException("mosquitto-auth failed: " + error);
        Broker = await MosquittoServer.StartAsync(auth, output.ToString());
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, Database,
            ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={Broker.Port}", .. Registry.IngestArgs()]);
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        await Broker.DisposeAsync();
        Registry.Dispose();
    }
}

/// <summary>The same refusals as the embedded broker's, from a real Mosquitto 2 using the
/// generated password and ACL files (which also shows Mosquitto accepts our <c>$7$</c> hashes).</summary>
public sealed partial class MosquittoAuthTests(MosquittoAuthFixture fixture) : IClassFixture<MosquittoAuthFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DeviceAddress Good = MosquittoAuthFixture.Good;
    private static readonly DeviceAddress Other = MosquittoAuthFixture.Other;

    private Task<long> CountAsync(DeviceAddress device) =>
        fixture.Influx.CountAsync(MosquittoAuthFixture.Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var (client, code) = await TestDevice.ConnectAsync(fixture.Broker.Port, Good.Device, "not-the-password");
        using (client)
            Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, code);
    }

    [Fact]
    public async Task An_unknown_device_or_an_anonymous_client_is_refused()
    {
        var (stranger, code) = await TestDevice.ConnectAsync(fixture.Broker.Port, "d-stranger", RegistryFile.PasswordOf("d-stranger"));
        using (stranger)
            Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, code);
        var (anonymous, anonymousCode) = await TestDevice.ConnectAsync(fixture.Broker.Port, null, null);
        using (anonymous)
            Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, anonymousCode);
    }

    [Fact]
    public async Task A_device_publishing_under_another_devices_topic_is_refused_and_its_own_data_lands()
    {
        var (client, code) = await TestDevice.ConnectAsync(fixture.Broker.Port, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using var _ = client;
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, code);
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        var refused = await TestDevice.PublishReadingAsync(client, Other, 1, ts, payloadDevice: Other.Device);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);

        var accepted = await TestDevice.PublishReadingAsync(client, Good, 2, ts);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, accepted.ReasonCode);
        await Poll.UntilAsync(() => CountAsync(Good), n => n >= 1, Timeout, "d-mq-good's reading in InfluxDB");
        Assert.Equal(0, await CountAsync(Other));
    }

    [Fact]
    public async Task Hashes_made_by_mosquitto_passwd_verify()
    {
        var file = Path.Combine(fixture.Registry.Directory, "from-mosquitto-passwd");
        await File.WriteAllTextAsync(file, "");
        var tool = new[] { "/usr/bin/mosquitto_passwd", "/usr/local/bin/mosquitto_passwd" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto_passwd is not installed (Debian package mosquitto)");
        await using (var run = ProcessRunner.Start(tool, ["-b", file, "d-tool", "pässword with spaces"]))
            await Poll.UntilAsync(() => Task.FromResult(run.HasExited), TimeSpan.FromSeconds(20), "mosquitto_passwd to finish");

        var line = (await File.ReadAllTextAsync(file)).Trim();
        Assert.StartsWith("d-tool:$7$", line, StringComparison.Ordinal);
        var stored = line["d-tool:".Length..];
        Assert.True(MosquittoPasswordHash.TryParse(stored, out var hash, out var problem), problem);
        Assert.True(hash.Verify("pässword with spaces"));
        Assert.False(hash.Verify("password with spaces"));
        Assert.True(new CredentialCache().Verify("d-tool", "pässword with spaces", stored));
    }
}
