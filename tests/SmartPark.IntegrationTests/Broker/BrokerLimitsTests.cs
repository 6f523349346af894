using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Broker.Transport;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Mqtt;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Broker;

/// <summary>
/// Three Ingests with embedded brokers: one with defaults but a 2 s CONNECT deadline (and a TLS
/// listener), one with small connection caps, and one whose packet limit is MQTT's largest, to
/// show what the attack costs without the limit. Run alone: the tests measure the process's allocations.
/// </summary>
public sealed class BrokerLimitsFixture : IAsyncLifetime
{
    public const int MaxConnections = 12;
    public const int MaxPerAddress = 4;

    public TestCertificates Pki { get; } = TestCertificates.Create();
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Guarded { get; private set; } = null!;
    public int GuardedTlsPort { get; } = FreePort.Next();
    public IngestHost Capped { get; private set; } = null!;
    public IngestHost Unlimited { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Influx = await InfluxDbServer.StartAsync();
        Guarded = await IngestHost.StartAsync(Influx.Url, "limits", EmbeddedBrokerTlsFixture.TlsArgs(Pki, GuardedTlsPort, "--EmbeddedBroker:ConnectTimeout=00:00:02"));
        Capped = await IngestHost.StartAsync(Influx.Url, "limits_capped",
            $"--EmbeddedBroker:MaxConnections={MaxConnections}", $"--EmbeddedBroker:MaxConnectionsPerAddress={MaxPerAddress}", "--EmbeddedBroker:ConnectTimeout=00:02:00");
        Unlimited = await IngestHost.StartAsync(Influx.Url, "limits_unlimited", "--EmbeddedBroker:MaxPacketBytes=268435455", "--EmbeddedBroker:ConnectTimeout=00:00:02");
    }

    public async Task DisposeAsync()
    {
        await Unlimited.DisposeAsync();
        await Capped.DisposeAsync();
        await Guarded.DisposeAsync();
        await Influx.DisposeAsync();
        Pki.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerLimitsCollection : ICollectionFixture<BrokerLimitsFixture>
{
    public const string Name = "broker limits (alone: measures allocations)";
}

[Collection(BrokerLimitsCollection.Name)]
public sealed class BrokerLimitsTests(BrokerLimitsFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);
    // MQTT CONNECT (0x10) with a remaining length of 268,435,455 bytes (256 MiB - 1), and nothing after it.
    private static readonly byte[] HugeConnectHeader = [0x10, 0xFF, 0xFF, 0xFF, 0x7F];

    private readonly List<Socket> _sockets = [];
    private readonly MeterListener _meters = new();
    private readonly Dictionary<string, long> _refusals = [];

    public void Dispose()
    {
        foreach (var socket in _sockets)
            socket.Dispose();
        _meters.Dispose();
    }

    private void CountRefusals()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "smartpark.ingest.broker.transport.refused")
                listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value is string reason)
                {
                    lock (_refusals)
                        _refusals[reason] = _refusals.GetValueOrDefault(reason) + value;
                }
            }
        });
        _meters.Start();
    }

    /// <summary>A connection's refusal is counted as its handler ends, which may be just after the
    /// client has seen the close: wait (bounded) for the count rather than read it at once.</summary>
    private Task<long> RefusalsCountedAsync(string reason, long atLeast) =>
        Poll.UntilAsync(() => Task.FromResult(Refusals(reason)), n => n >= atLeast, Prompt, $"{atLeast} {reason} refusals counted");

    private long Refusals(string reason)
    {
        lock (_refusals)
            return _refusals.GetValueOrDefault(reason);
    }

    private async Task<Socket> OpenAsync(int port, string from = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets.Add(socket);
        socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    /// <summary>True when the broker closes the connection within <paramref name="within"/> (end of stream or reset).</summary>
    private static async Task<bool> ClosedByBrokerAsync(Socket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[64];
        try
        {
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0)
                    return true;
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Open as far as this end can tell: no end of stream and no reset waiting.</summary>
    private static bool StillOpen(Socket socket) => !socket.Poll(0, SelectMode.SelectRead);

    /// <summary>Server-side established TCP connections on <paramref name="port"/>, from the kernel's table.</summary>
    private static int EstablishedAt(int port)
    {
        var local = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f[1].EndsWith(local, StringComparison.Ordinal) && f[3] == "01");
    }

    private static long ResidentBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private async Task<long> AttackAsync(int port, int connections)
    {
        for (var i = 0; i < connections; i++)
        {
            var socket = await OpenAsync(port);
            await socket.SendAsync(HugeConnectHeader, SocketFlags.None);
        }
        return connections;
    }

    [Fact]
    public async Task Twenty_connections_claiming_256_MiB_each_are_cut_before_the_broker_allocates_and_cost_little()
    {
        CountRefusals();
        GC.Collect();
        var residentBefore = ResidentBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        await AttackAsync(fixture.Guarded.BrokerPort, 20);
        foreach (var socket in _sockets)
            Assert.True(await ClosedByBrokerAsync(socket, Prompt), "the broker kept a connection that claimed 256 MiB");

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var residentAfter = ResidentBytes();
        output.WriteLine($"20 × 256 MiB claims, limit 1 MiB: allocated {allocated / 1e6:0.0} MB in the whole test process; resident {residentBefore / 1e6:0} MB before, {residentAfter / 1e6:0} MB after");
        Assert.True(allocated < 50_000_000, $"the process allocated {allocated} bytes during the attack");
        await Poll.UntilAsync(() => Task.FromResult(Refusals(TransportRefusals.PacketTooLarge)), n => n >= 20, Prompt, "20 packet-too-large refusals counted");

        await ANormalClientStillWorksAsync(fixture.Guarded.BrokerPort);
    }

    [Fact]
    public async Task Without_the_limit_the_same_claims_make_the_broker_allocate_them()
    {
        // The control for the test above: the measurement sees MQTTnet's allocation when the guard lets it through.
        GC.Collect();
        var residentBefore = ResidentBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        await AttackAsync(fixture.Unlimited.BrokerPort, 2);
        var allocated = await Poll.UntilAsync(() => Task.FromResult(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore),
            n => n >= 2L * 268_435_455, Prompt, "MQTTnet to allocate the claimed bodies");
        var residentAfter = ResidentBytes();
        output.WriteLine($"2 × 256 MiB claims, no limit: allocated {allocated / 1e6:0.0} MB; resident {residentBefore / 1e6:0} MB before, {residentAfter / 1e6:0} MB after");
        // The CONNECT deadline still closes them (the bodies never come).
        foreach (var socket in _sockets)
            Assert.True(await ClosedByBrokerAsync(socket, Prompt));
        GC.Collect();
    }

    [Fact]
    public async Task An_oversized_packet_from_a_connected_client_drops_its_connection()
    {
        CountRefusals();
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", fixture.Guarded.BrokerPort).WithClientId("oversize").Build());
        var tooBig = new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-lim", "e-lim", "oversize")))
            .WithPayload(new byte[2 << 20]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

        await Assert.ThrowsAnyAsync<Exception>(() => client.PublishAsync(tooBig).WaitAsync(Prompt));
        await Poll.UntilAsync(() => Task.FromResult(!client.IsConnected), Prompt, "the client to be disconnected");
        await RefusalsCountedAsync(TransportRefusals.PacketTooLarge, 1);
    }

    [Fact]
    public async Task A_silent_or_trickling_connection_is_closed_at_the_connect_deadline()
    {
        CountRefusals();
        var started = Stopwatch.StartNew();
        var silent = await OpenAsync(fixture.Guarded.BrokerPort);
        var trickling = await OpenAsync(fixture.Guarded.BrokerPort);
        await trickling.SendAsync(new byte[] { 0x10, 0x20, 0x00, 0x04 }, SocketFlags.None); // a CONNECT of 32 bytes, 2 of them sent
        var silentTls = await OpenAsync(fixture.GuardedTlsPort);
        // A TLS handshake that completes, then no CONNECT.
        var handshaken = await OpenAsync(fixture.GuardedTlsPort);
        await using var tls = new SslStream(new NetworkStream(handshaken, ownsSocket: false));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => true, // this test is about the deadline, not trust
        });

        foreach (var socket in new[] { silent, trickling, silentTls })
            Assert.True(await ClosedByBrokerAsync(socket, Prompt), "a connection without a CONNECT was kept past the deadline");
        var buffer = new byte[16];
        int afterHandshake;
        try
        {
            afterHandshake = await tls.ReadAsync(buffer).AsTask().WaitAsync(Prompt); // a TimeoutException fails the test
        }
        catch (IOException)
        {
            afterHandshake = 0; // reset rather than closed: closed all the same
        }
        Assert.Equal(0, afterHandshake);
        var elapsed = started.Elapsed;
        output.WriteLine($"closed after {elapsed.TotalSeconds:0.0} s (deadline 2 s)");
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        await RefusalsCountedAsync(TransportRefusals.ConnectTimeout, 4);

        await ANormalClientStillWorksAsync(fixture.Guarded.BrokerPort);
    }

    [Fact]
    public async Task The_connection_caps_refuse_the_next_one_per_address_and_in_total()
    {
        CountRefusals();
        var port = fixture.Capped.BrokerPort;

        // Per address (127.0.0.2: Ingest's own clients come from 127.0.0.1).
        var fromTwo = new List<Socket>();
        for (var i = 0; i < BrokerLimitsFixture.MaxPerAddress; i++)
            fromTwo.Add(await OpenAsync(port, "127.0.0.2"));
        var onePerAddressTooMany = await OpenAsync(port, "127.0.0.2");
        Assert.True(await ClosedByBrokerAsync(onePerAddressTooMany, Prompt), "the connection over the per-address cap was kept");
        Assert.All(fromTwo, s => Assert.True(StillOpen(s)));
        Assert.Equal(1, Refusals(TransportRefusals.TooManyFromAddress));

        // In total: one connection from each further address until the broker refuses one.
        Socket? refused = null;
        var accepted = new List<Socket>();
        for (var host = 3; host < 3 + BrokerLimitsFixture.MaxConnections && refused is null; host++)
        {
            var socket = await OpenAsync(port, $"127.0.0.{host}");
            // The broker accepts connections in order, so once a later one is refused, earlier ones have been judged.
            if (!StillOpen(socket) || await ClosedByBrokerAsync(socket, TimeSpan.FromMilliseconds(300)))
                refused = socket;
            else
                accepted.Add(socket);
        }
        Assert.NotNull(refused);
        Assert.All(accepted, s => Assert.True(StillOpen(s)));
        Assert.Equal(BrokerLimitsFixture.MaxConnections, EstablishedAt(port));
        Assert.Equal(1, Refusals(TransportRefusals.TooManyConnections));

        // Room again once one closes: the next connection (a real client) is served.
        accepted[0].Dispose();
        await ANormalClientStillWorksAsync(port);
    }

    private static async Task ANormalClientStillWorksAsync(int port)
    {
        await using var client = new ResilientMqttClient(new MqttEndpointOptions { Port = port, ClientId = "after-" + Guid.NewGuid().ToString("N")[..6] }, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = client.RunAsync(stop.Token);
        using (var up = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await client.WaitUntilUpAsync(up.Token);
        var message = new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-lim", "e-lim", "after")))
            .WithPayload(new byte[100_000]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        Assert.True(await client.PublishAsync(message, CancellationToken.None));
        await stop.CancelAsync();
        await running;
    }
}
