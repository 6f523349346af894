using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Mqtt;
using SmartPark.Simulator.Load;

namespace SmartPark.IntegrationTests.Broker;

/// <summary>Ingest's embedded broker with a TLS listener (certificate from PEM files made by <see cref="TestCertificates"/>).</summary>
public sealed class EmbeddedBrokerTlsFixture : IAsyncLifetime
{
    public TestCertificates Pki { get; } = TestCertificates.Create();
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;
    public int TlsPort { get; } = FreePort.Next();

    public static string[] TlsArgs(TestCertificates pki, int port, params string[] more) =>
    [
        "--EmbeddedBroker:Tls:Enabled=true",
        $"--EmbeddedBroker:Tls:Port={port}",
        $"--EmbeddedBroker:Tls:CertificatePath={pki.ServerCertificatePath}",
        $"--EmbeddedBroker:Tls:KeyPath={pki.ServerKeyPath}",
        .. more,
    ];

    public async Task InitializeAsync()
    {
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, "tls_tests", TlsArgs(Pki, TlsPort));
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        Pki.Dispose();
    }
}

public sealed class EmbeddedBrokerTlsTests(EmbeddedBrokerTlsFixture fixture) : IClassFixture<EmbeddedBrokerTlsFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-tls-agent-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_edge_agent_delivers_every_batch_over_tls()
    {
        var stats = await TlsClients.RunAgentAsync(_dir, new MqttEndpointOptions
        {
            Port = fixture.TlsPort,
            ClientId = "d-tls-agent",
            Tls = TlsClients.Trusting(fixture.Pki.CaPath),
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
        }, "p-tls", "e-tls", "d-tls-agent", rounds: 5);

        Assert.Equal(5, stats.LastSeq);
        Assert.Equal(0, stats.PendingBatches);
    }

    [Fact]
    public async Task The_services_client_and_the_load_simulator_publish_over_tls_and_a_large_legal_packet_passes()
    {
        await using var client = new ResilientMqttClient(new MqttEndpointOptions
        {
            Port = fixture.TlsPort,
            ClientId = "svc-tls",
            Tls = TlsClients.Trusting(fixture.Pki.CaPath, serverName: "localhost"),
        }, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = client.RunAsync(stop.Token);
        await client.WaitUntilUpAsync(new CancellationTokenSource(TlsClients.Timeout).Token);
        // 200 KB: far over a telemetry batch, under MaxPacketBytes; many TLS records and reads through the guard.
        var large = new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-tls", "e-tls", "d-big")))
            .WithPayload(new byte[200_000]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        Assert.True(await client.PublishAsync(large, CancellationToken.None));
        await stop.CancelAsync();
        await running;

        using var device = new LoadDevice(0, new LoadOptions { Port = fixture.TlsPort, Park = "p-tls", Tls = TlsClients.Trusting(fixture.Pki.CaPath) });
        await device.ConnectAsync(CancellationToken.None);
        Assert.True(await device.PublishAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        await device.DisconnectAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_client_refuses_a_broker_it_cannot_verify()
    {
        var right = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.CaPath));
        Assert.True(right.Connected, right.Detail);

        var wrongCa = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.OtherCaPath));
        Assert.False(wrongCa.Connected, "a client trusting another CA connected");
        var wrongName = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.CaPath, serverName: "not-the-broker.test"));
        Assert.False(wrongName.Connected, "a client expecting another host name connected");
        var systemStore = await TlsClients.ConnectOnceAsync(fixture.TlsPort, new MqttTlsOptions { Enabled = true });
        Assert.False(systemStore.Connected, "the park's own CA is not in the system store, yet the client trusted it");
        // The plaintext client on the TLS port gets nowhere either.
        var plain = await TlsClients.ConnectOnceAsync(fixture.TlsPort, new MqttTlsOptions());
        Assert.False(plain.Connected);
    }

    [Fact]
    public async Task With_required_client_certificates_a_client_without_one_is_refused()
    {
        var port = FreePort.Next();
        await using var ingest = await IngestHost.StartAsync(fixture.Influx.Url, "tls_client_cert_tests", EmbeddedBrokerTlsFixture.TlsArgs(fixture.Pki, port,
            "--EmbeddedBroker:Tls:ClientCertificates=Require", $"--EmbeddedBroker:Tls:ClientCaPath={fixture.Pki.CaPath}"));
        var withCertificate = TlsClients.Trusting(fixture.Pki.CaPath) with
        {
            ClientCertificatePath = fixture.Pki.ClientCertificatePath,
            ClientKeyPath = fixture.Pki.ClientKeyPath,
        };

        var shown = await TlsClients.ConnectOnceAsync(port, withCertificate);
        Assert.True(shown.Connected, shown.Detail);
        var none = await TlsClients.ConnectOnceAsync(port, TlsClients.Trusting(fixture.Pki.CaPath));
        Assert.False(none.Connected, "a client without a certificate connected");

        // The agent with its certificate gets its batches through.
        var stats = await TlsClients.RunAgentAsync(_dir, new MqttEndpointOptions { Port = port, ClientId = "d-cert", Tls = withCertificate }, "p-tls", "e-tls", "d-cert", rounds: 3);
        Assert.Equal(0, stats.PendingBatches);
    }

    [Fact]
    public async Task A_client_certificate_logs_in_only_the_account_it_was_issued_to()
    {
        // The test PKI's client certificate is issued to CN=test-device.
        using var registry = new RegistryFile();
        await registry.WriteAsync(new DeviceAddress("p-cert", "e-cert", "test-device"), new DeviceAddress("p-cert", "e-cert", "d-someone-else"));
        var port = FreePort.Next();
        await using var ingest = await IngestHost.StartAsync(fixture.Influx.Url, "tls_cert_identity_tests", [.. registry.IngestArgs(), .. EmbeddedBrokerTlsFixture.TlsArgs(fixture.Pki, port,
            "--EmbeddedBroker:Tls:ClientCertificates=Require", $"--EmbeddedBroker:Tls:ClientCaPath={fixture.Pki.CaPath}")]);
        var withCertificate = TlsClients.Trusting(fixture.Pki.CaPath) with
        {
            ClientCertificatePath = fixture.Pki.ClientCertificatePath,
            ClientKeyPath = fixture.Pki.ClientKeyPath,
        };

        var own = await TlsClients.ConnectOnceAsync(port, withCertificate, "test-device", RegistryFile.PasswordOf("test-device"));
        Assert.True(own.Connected, own.Detail);
        // Right password, a certificate of the park, but not this device's: refused.
        var borrowed = await TlsClients.ConnectOnceAsync(port, withCertificate, "d-someone-else", RegistryFile.PasswordOf("d-someone-else"));
        Assert.False(borrowed.Connected, "a device logged in with another device's certificate");
        Assert.Equal(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), borrowed.Detail);
    }

    [Theory]
    [InlineData("--EmbeddedBroker:BindAddress=0.0.0.0", "AllowPlaintextOnNetwork")]
    [InlineData("--EmbeddedBroker:Tls:BindAddress=0.0.0.0", "AllowAnonymousOnNetwork")]
    public async Task A_broker_exposed_on_the_network_without_the_setting_that_says_so_refuses_to_start(string exposure, string setting)
    {
        string[] args =
        [
            $"--Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--EmbeddedBroker:Port={FreePort.Next()}",
            $"--Influx:Url={fixture.Influx.Url}",
            "--Influx:Database=refused",
            "--Logging:LogLevel:Default=Critical",
            .. EmbeddedBrokerTlsFixture.TlsArgs(fixture.Pki, FreePort.Next(), exposure),
        ];
        await using var app = IngestApp.Build(args);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        Assert.Contains(setting, refused.ToString(), StringComparison.Ordinal);
    }
}
