using System.Globalization;
using System.Net.Sockets;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Servers;

/// <summary>
/// A private Mosquitto 2 for the benchmark, on a free loopback port. Unlike the tests' broker it
/// keeps nothing on disk (persistence would measure the disk, not the broker) and lets queues
/// grow: a consumer that falls behind must show up as backlog in the figures, not as messages
/// Mosquitto silently dropped past its default <c>max_queued_messages</c> of 1000.
/// </summary>
internal sealed class BenchMosquitto : IAsyncDisposable
{
    private readonly string _dir;
    private readonly ProcessRunner _process;

    private BenchMosquitto(string dir, ProcessRunner process, int port)
    {
        _dir = dir;
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public int Pid => _process.Pid;

    public static async Task<BenchMosquitto> StartAsync(CancellationToken cancellationToken)
    {
        var mosquitto = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed (./smartpark bench installs Debian's mosquitto)");
        var dir = Directory.CreateTempSubdirectory("smartpark-bench-mosquitto-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(dir, "mosquitto.conf");
        // As root, Mosquitto would switch to its own user; nothing here needs another user.
        var user = Environment.UserName == "root" ? "user root" : "";
        // max_inflight_messages bounds what the broker sends unacknowledged (MQTT v5 clients also
        // cap it with their Receive Maximum); 0 leaves Ingest's own ReceiveMaximum in charge.
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            set_tcp_nodelay true
            max_inflight_messages 0
            max_queued_messages 10000000
            max_queued_bytes 0
            log_dest stderr
            log_type error
            log_type warning
            {user}

            """), cancellationToken);
        var process = ProcessRunner.Start(mosquitto, ["-c", config]);
        var broker = new BenchMosquitto(dir, process, port);
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"mosquitto exited: {process.Output}");
                using var tcp = new TcpClient();
                try
                {
                    await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(20), $"mosquitto to listen on {port}");
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
