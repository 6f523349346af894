using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Commands;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Mqtt;
using SmartPark.Simulator.Checking;

namespace SmartPark.IntegrationTests.Broker;

/// <summary>
/// A real Mosquitto 2 with the TLS listener <c>mosquitto-auth</c> writes, and Ingest consuming from
/// it over TLS as the registry's ingest account (Ingest reports healthy only once connected).
/// </summary>
public sealed class MosquittoTlsFixture : IAsyncLifetime
{
    public static readonly DeviceAddress Device = new("p-mqtls", "e-mqtls", "d-mqtls");

    public TestCertificates Pki { get; } = TestCertificates.Create();
    public RegistryFile Registry { get; } = new();
    public MosquittoServer Broker { get; private set; } = null!;
    public int TlsPort { get; private set; }
    public string ListenerConfig { get; private set; } = "";
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;

    /// <summary>Runs <c>mosquitto-auth</c> with a TLS listener on a free loopback port and starts Mosquitto with what it wrote.</summary>
    public async Task<(MosquittoServer Broker, int TlsPort, string Config)> StartBrokerAsync(bool requireCertificate)
    {
        var port = FreePort.Next();
        var auth = Path.Combine(Registry.Directory, requireCertificate ? "mosquitto-mtls" : "mosquitto-tls");
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            Registry.Path, auth,
            "--tls-cert", Pki.ServerCertificatePath, "--tls-key", Pki.ServerKeyPath, "--tls-ca", Pki.CaPath,
            "--tls-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tls-bind", "127.0.0.1",
            .. (requireCertificate ? new[] { "--require-certificate" } : []),
        ];
        if (MosquittoAuthCommand.Run(args, output, error) != 0)
            throw new InvalidOperationException("mosquitto-auth failed: " + error);
        var config = await File.ReadAllTextAsync(Path.Combine(auth, MosquittoTlsListener.FileName));
        Assert.Contains(config, output.ToString(), StringComparison.Ordinal);
        // What mosquitto-auth printed (its auth lines and the TLS listener), used as given.
        return (await MosquittoServer.StartAsync(auth, output.ToString()), port, config);
    }

    public async Task InitializeAsync()
    {
        await Registry.WriteAsync(Device);
        (Broker, TlsPort, ListenerConfig) = await StartBrokerAsync(requireCertificate: false);
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, "mosquitto_tls",
        [
            "--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={TlsPort}",
            "--Ingest:Broker:Tls:Enabled=true", $"--Ingest:Broker:Tls:CaPath={Pki.CaPath}",
            .. Registry.IngestArgs(),
        ]);
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        await Broker.DisposeAsync();
        Registry.Dispose();
        Pki.Dispose();
    }
}

public sealed class MosquittoTlsTests(MosquittoTlsFixture fixture) : IClassFixture<MosquittoTlsFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-mqtls-agent-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Password => RegistryFile.PasswordOf(MosquittoTlsFixture.Device.Device);

    [Fact]
    public void The_listener_mosquitto_auth_writes_is_tls_1_2_or_later()
    {
        Assert.Contains($"listener {fixture.TlsPort} 127.0.0.1\n", fixture.ListenerConfig, StringComparison.Ordinal);
        Assert.Contains("tls_version tlsv1.2\n", fixture.ListenerConfig, StringComparison.Ordinal);
        Assert.Contains($"cafile {fixture.Pki.CaPath}\n", fixture.ListenerConfig, StringComparison.Ordinal);
        Assert.Contains("require_certificate false\n", fixture.ListenerConfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edge_agent_delivers_over_tls_with_its_registry_login()
    {
        var d = MosquittoTlsFixture.Device;
        var stats = await TlsClients.RunAgentAsync(_dir, new MqttEndpointOptions
        {
            Port = fixture.TlsPort,
            ClientId = d.Device,
            Username = d.Device,
            Password = Password,
            Tls = TlsClients.Trusting(fixture.Pki.CaPath),
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
        }, d.Park, d.Enterprise, d.Device, rounds: 5);

        Assert.Equal(5, stats.LastSeq);
        Assert.Equal(0, stats.PendingBatches);
    }

    [Fact]
    public async Task The_simulator_watches_over_tls_and_a_broker_it_cannot_verify_is_refused()
    {
        var watcher = await SystemWatcher.StartAsync(new MqttEndpointOptions
        {
            Port = fixture.TlsPort,
            ClientId = "watch-tls",
            Username = "dashboard",
            Password = RegistryFile.DashboardPassword,
            Tls = TlsClients.Trusting(fixture.Pki.CaPath),
        }, MosquittoTlsFixture.Device.Park);
        await watcher.DisposeAsync();

        var d = MosquittoTlsFixture.Device.Device;
        var right = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.CaPath), d, Password);
        Assert.True(right.Connected, right.Detail);
        var wrongCa = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.OtherCaPath), d, Password);
        Assert.False(wrongCa.Connected, "a client trusting another CA connected");
        var wrongName = await TlsClients.ConnectOnceAsync(fixture.TlsPort, TlsClients.Trusting(fixture.Pki.CaPath, "not-the-broker.test"), d, Password);
        Assert.False(wrongName.Connected, "a client expecting another host name connected");
    }

    [Fact]
    public async Task With_require_certificate_a_client_without_one_is_refused()
    {
        var (broker, port, config) = await fixture.StartBrokerAsync(requireCertificate: true);
        await using var _ = broker;
        Assert.Contains("require_certificate true\n", config, StringComparison.Ordinal);
        var d = MosquittoTlsFixture.Device.Device;
        var withCertificate = TlsClients.Trusting(fixture.Pki.CaPath) with
        {
            ClientCertificatePath = fixture.Pki.ClientCertificatePath,
            ClientKeyPath = fixture.Pki.ClientKeyPath,
        };

        var shown = await Poll.UntilAsync(() => TlsClients.ConnectOnceAsync(port, withCertificate, d, Password), r => r.Connected, TlsClients.Timeout, "a client with a certificate to connect");
        Assert.True(shown.Connected);
        var none = await TlsClients.ConnectOnceAsync(port, TlsClients.Trusting(fixture.Pki.CaPath), d, Password);
        Assert.False(none.Connected, "a client without a certificate connected");
    }
}
