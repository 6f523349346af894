using System.Net;
using System.Net.Sockets;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// A device's network, as a TCP relay between it and the broker that a scenario can cut: while
/// cut, open connections are dropped (the broker sees the device vanish and publishes its last
/// will) and new ones are refused, so the agent keeps sampling into its outbox and delivers the
/// backlog once the link is restored. The agent code is untouched: it only sees a broker address.
/// </summary>
public sealed class NetworkLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _brokerHost;
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public NetworkLink(string brokerHost, int brokerPort)
    {
        _brokerHost = brokerHost;
        _brokerPort = brokerPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Where the device connects instead of the broker.</summary>
    public int Port { get; }

    public bool IsCut => _cut;

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient device;
            try
            {
                device = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_cut)
            {
                device.Dispose();
                continue;
            }
            _ = RelayAsync(device);
        }
    }

    private async Task RelayAsync(TcpClient device)
    {
        using var broker = new TcpClient();
        try
        {
            await broker.ConnectAsync(_brokerHost, _brokerPort, _stop.Token);
            lock (_open)
            {
                _open.Add(device);
                _open.Add(broker);
            }
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = device.GetStream().CopyToAsync(broker.GetStream(), done.Token);
            var down = broker.GetStream().CopyToAsync(device.GetStream(), done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut link or a closed side: the relay ends, the agent reconnects when it can.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(device);
                _open.Remove(broker);
            }
            device.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
