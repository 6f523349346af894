using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Server;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Mqtt.Transport;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Broker.Transport;

/// <summary>
/// The embedded broker's TCP and TLS listeners, in place of MQTTnet's own (which have no limits
/// before login and no deadline on the TLS handshake). Before MQTTnet sees a connection:
/// <list type="bullet">
/// <item>the connection caps (<see cref="ConnectionLimiter"/>) are checked at accept;</item>
/// <item>a deadline runs from accept until the first packet (CONNECT) has fully arrived, TLS
/// handshake included; when it passes the socket is closed;</item>
/// <item>every byte MQTTnet reads passes a <see cref="PacketSizeGuardStream"/>, so a packet
/// claiming more than <c>MaxPacketBytes</c> closes the connection before MQTTnet allocates its body
/// (MQTTnet 5.2's server has no maximum packet size of its own: its CONNACK says "unlimited" and
/// <c>MqttChannelAdapter</c> allocates the remaining length it reads).</item>
/// </list>
/// Refusals are counted (<c>smartpark.ingest.broker.transport.refused</c>, by reason) and logged at
/// most once a minute per reason.
/// </summary>
public sealed class GuardedBrokerTransport : IMqttServerAdapter
{
    // Plaintext reads go through a small buffer: MQTTnet reads a packet's header and body with
    // separate calls, which on a bare socket are separate recv calls. Small, as it is per connection.
    private const int PlaintextReadBufferBytes = 8 * 1024;

    private readonly EmbeddedBrokerOptions _options;
    private readonly ConnectionLimiter _limiter;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LogThrottle _throttle;
    private readonly BrokerTls? _tls;
    private readonly List<Socket> _listeners = [];
    private CancellationTokenSource? _stop;
    private MqttServerOptions? _serverOptions;
    private IMqttNetLogger _mqttLogger = MqttNetNullLogger.Instance;

    public GuardedBrokerTransport(IOptions<EmbeddedBrokerOptions> options, RegistryProvider registry, IngestMetrics metrics, TimeProvider time, ILogger<GuardedBrokerTransport> logger)
    {
        _options = options.Value;
        BrokerExposure.ThrowIfUnsafe(_options, registry.IsConfigured);
        _limiter = new ConnectionLimiter(_options.MaxConnections, _options.MaxConnectionsPerAddress);
        _metrics = metrics;
        _logger = logger;
        _throttle = new LogThrottle(time, TimeSpan.FromMinutes(1));
        if (_options.Tls.Enabled)
            _tls = BrokerTls.Load(_options.Tls);
    }

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Connections open now (accepted and not yet closed).</summary>
    public int OpenConnections => _limiter.Open;

    /// <summary>The ports actually bound (useful when 0 was configured).</summary>
    public int? PlaintextPort { get; private set; }
    public int? TlsPort { get; private set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        if (_stop is not null)
            throw new InvalidOperationException("The broker transport is already started.");
        _serverOptions = options;
        _mqttLogger = logger;
        _stop = new CancellationTokenSource();
        try
        {
            if (_options.PlaintextEnabled)
                PlaintextPort = Listen(_options.BindAddress, _options.Port, secure: false);
            if (_tls is not null)
                TlsPort = Listen(_options.Tls.BindAddress, _options.Tls.Port, secure: true);
        }
        catch
        {
            Close();
            throw;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Close();
        return Task.CompletedTask;
    }

    public void Dispose() => Close();

    private void Close()
    {
        _stop?.Cancel();
        foreach (var listener in _listeners)
            listener.Dispose();
        _listeners.Clear();
        _stop?.Dispose();
        _stop = null;
    }

    private int Listen(string address, int port, bool secure)
    {
        var ip = IPAddress.Parse(address);
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listeners.Add(socket);
        if (ip.Equals(IPAddress.IPv6Any))
            socket.DualMode = true;
        socket.Bind(new IPEndPoint(ip, port));
        socket.Listen(512);
        var bound = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var stop = _stop!.Token;
        _ = Task.Run(() => AcceptLoopAsync(socket, secure, stop), CancellationToken.None);
        _logger.LogInformation("Broker {Kind} listener on {Address}:{Port} (max packet {MaxPacket} bytes, {MaxConnections} connections, {PerAddress} per address, CONNECT within {ConnectTimeout})",
            secure ? "TLS" : "plaintext", address, bound, _options.MaxPacketBytes, _options.MaxConnections, _options.MaxConnectionsPerAddress, _options.ConnectTimeout);
        return bound;
    }

    private async Task AcceptLoopAsync(Socket listener, bool secure, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors and the like: keep accepting, but not in a hot loop.
                _logger.LogWarning("Broker accept failed: {Error}", ex.Message);
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            var remote = (IPEndPoint)client.RemoteEndPoint!;
            if (_limiter.TryAcquire(remote.Address) is { } refusal)
            {
                Refused(refusal, remote); // counted before the client can see the close
                client.Dispose();
                continue;
            }
            _ = Task.Run(() => HandleAsync(client, remote, secure, stop), CancellationToken.None);
        }
    }

    private async Task HandleAsync(Socket socket, IPEndPoint remote, bool secure, CancellationToken stop)
    {
        var network = new NetworkStream(socket, ownsSocket: true);
        var timedOut = false;
        // Until CONNECT has fully arrived: the deadline closes the socket, which ends whatever
        // read or handshake is pending.
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout);
        var onDeadline = deadline.Token.UnsafeRegister(_ =>
        {
            timedOut = true;
            network.Dispose();
        }, null);
        PacketSizeGuardStream? guard = null;
        try
        {
            socket.NoDelay = true;
            if (_options.SocketBufferBytes > 0)
            {
                socket.ReceiveBufferSize = _options.SocketBufferBytes;
                socket.SendBufferSize = _options.SocketBufferBytes;
            }
            Stream stream;
            X509Certificate2? clientCertificate = null;
            if (secure)
            {
                var ssl = new SslStream(network, leaveInnerStreamOpen: false);
                try
                {
                    await ssl.AuthenticateAsServerAsync(_tls!.ServerOptions, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    await ssl.DisposeAsync().ConfigureAwait(false);
                    if (timedOut || deadline.IsCancellationRequested)
                        Refused(TransportRefusals.ConnectTimeout, remote);
                    else
                        Refused(TransportRefusals.TlsHandshakeFailed, remote, ex.Message);
                    return;
                }
                clientCertificate = ssl.RemoteCertificate as X509Certificate2;
                stream = ssl;
            }
            else
            {
                stream = new ReadBufferedStream(network, PlaintextReadBufferBytes);
            }

            guard = new PacketSizeGuardStream(stream, _options.MaxPacketBytes, () => onDeadline.Unregister());
            var channel = new BrokerStreamChannel(guard, socket.LocalEndPoint!, remote, secure, clientCertificate);
            var so = _serverOptions!;
            using var adapter = new MqttChannelAdapter(channel, new MqttPacketFormatterAdapter(new MqttBufferWriter(so.WriterBufferSize, so.WriterBufferSizeMax)), _mqttLogger);
            if (ClientHandler is { } handler && !stop.IsCancellationRequested)
                await handler(adapter).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogDebug("Broker connection from {Remote} ended: {Error}", remote, ex.Message);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Broker connection from {Remote} failed", remote);
        }
        finally
        {
            onDeadline.Unregister();
            await network.DisposeAsync().ConfigureAwait(false);
            _limiter.Release(remote.Address);
        }

        if (guard?.Refusal is { } verdict)
        {
            if (verdict == FixedHeaderVerdict.TooLarge)
                Refused(TransportRefusals.PacketTooLarge, remote, $"a packet claimed {guard.RefusedLength}+ bytes; the limit is {_options.MaxPacketBytes}");
            else
                Refused(TransportRefusals.MalformedLength, remote, "a remaining length longer than four bytes");
        }
        else if (timedOut && guard is { PacketsCompleted: 0 })
        {
            Refused(TransportRefusals.ConnectTimeout, remote);
        }
    }

    private void Refused(string reason, IPEndPoint remote, string? detail = null)
    {
        _metrics.TransportRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (_throttle.ShouldLog(reason, out var heldBack))
        {
            _logger.LogWarning("Broker closed a connection from {Remote}: {Reason} {Detail} ({HeldBack} more like it since the last such line)",
                remote, reason, detail ?? "", heldBack);
        }
    }
}
