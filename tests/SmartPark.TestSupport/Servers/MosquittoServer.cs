using System.Globalization;
using System.Net.Sockets;

namespace SmartPark.TestSupport;

/// <summary>
/// A private Mosquitto 2 on a free loopback port with persistence in its own folder, so a test
/// can stop it and start it again on the same port with sessions and queued messages kept.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _config;
    private ProcessRunner? _process;

    private MosquittoServer(string dir, string config, int port)
    {
        _dir = dir;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    /// <param name="authDirectory">Where <c>passwd</c> and <c>acl</c> (from <c>mosquitto-auth</c>) are;
    /// null runs an anonymous broker with no ACL.</param>
    /// <param name="authConfig">The mosquitto.conf lines <c>mosquitto-auth</c> printed for them, used as
    /// given (so a test runs the generated configuration, not a copy of it).</param>
    public static async Task<MosquittoServer> StartAsync(string? authDirectory = null, string? authConfig = null)
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-mosquitto-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(dir, "mosquitto.conf");
        // Run as root, Mosquitto would switch to its own user and lose access to our folder.
        var user = Environment.UserName == "root" ? "user root" : "";
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            {authConfig ?? (authDirectory is null ? "allow_anonymous true" : $"allow_anonymous false\npassword_file {authDirectory}/passwd\nacl_file {authDirectory}/acl")}
            persistence true
            persistence_location {dir}/
            autosave_interval 1
            autosave_on_changes true
            max_queued_messages 100000
            max_inflight_messages 100
            log_dest stderr
            log_type error
            log_type warning
            {user}

            """));
        var server = new MosquittoServer(dir, config, port);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var mosquitto = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: run ./smartpark test (it installs Debian's mosquitto)");
        _process = ProcessRunner.Start(mosquitto, ["-c", _config]);
        var process = _process;
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"mosquitto exited: {process.Output}");
            using var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), $"mosquitto to listen on {Port}");
    }

    /// <summary>A clean stop: Mosquitto saves sessions and queued messages on the way out.</summary>
    public Task StopAsync() => _process?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
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
