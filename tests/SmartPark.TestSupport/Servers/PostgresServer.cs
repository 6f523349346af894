using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SmartPark.TestSupport;

/// <summary>
/// A private PostgreSQL (Debian's postgresql, 15 on bookworm) on a free loopback port with its own
/// data folder and unix-socket folder, started for a test run and stopped with it. Every test asks
/// for a fresh database (<see cref="CreateDatabaseAsync"/>), so tests never see each other's rows.
/// initdb refuses to run as root, so as root the cluster belongs to the <c>postgres</c> system
/// user and both initdb and the server run as that user (<c>runuser</c>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private readonly string _dir;
    private readonly string _bin;
    private ProcessRunner? _process;
    private int _databases;

    private PostgresServer(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_dir, "data");
    private string SocketDirectory => Path.Combine(_dir, "sockets");
    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>The server's own maintenance database, where <see cref="CreateDatabaseAsync"/> runs.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Binaries();
        var dir = Directory.CreateTempSubdirectory("smartpark-postgres-").FullName;
        var server = new PostgresServer(dir, bin, FreePort.Next());
        Directory.CreateDirectory(server.DataDirectory);
        Directory.CreateDirectory(server.SocketDirectory);
        if (AsRoot)
            await RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", dir]);
        // Trust on loopback only (listen_addresses below): a throwaway cluster for tests. --no-sync
        // and fsync=off: nothing here has to survive a power cut, and they save seconds per run.
        await RunAsync(server.Tool("initdb"), ["-D", server.DataDirectory, "-U", SystemUser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres: true);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A new empty database with a unique name; the Npgsql connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        // Lower case, so the unquoted name and the quoted one are the same; 63 bytes at most.
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix[..Math.Min(prefix.Length, 20)]}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}").ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SystemUser,
        Database = database,
        // Each test's database gets its own small pool; tests open few connections at once.
        MaxPoolSize = 20,
        Timeout = 15,
    }.ConnectionString;

    private async Task StartServerAsync()
    {
        string[] args =
        [
            "-D", DataDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"port={Port.ToString(CultureInfo.InvariantCulture)}",
            "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "shared_buffers=16MB",
            "-c", "max_connections=200",
            "-c", "logging_collector=off",
            "-c", "log_min_messages=warning",
        ];
        _process = AsRoot
            ? ProcessRunner.Start("/usr/sbin/runuser", ["-u", SystemUser, "--", Tool("postgres"), .. args], workingDirectory: "/")
            : ProcessRunner.Start(Tool("postgres"), args, workingDirectory: "/");
        var process = _process;
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"postgres exited: {process.Output}");
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            return true;
        }, TimeSpan.FromSeconds(30), $"postgres to accept connections on {Port}");
    }

    /// <summary>
    /// Fast shutdown (SIGINT to the postmaster, by the PID in its postmaster.pid: under runuser our
    /// child is runuser, not postgres): open sessions are ended, nothing waits for them.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
            await RunAsync("kill", ["-INT", postmaster.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await _process.WaitForExitAndOutputAsync(TimeSpan.FromSeconds(20));
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
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

    private string Tool(string name) => Path.Combine(_bin, name);

    /// <summary>The newest installed PostgreSQL's programs (Debian keeps them per major version).</summary>
    private static string Binaries()
    {
        var root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new InvalidOperationException("PostgreSQL is not installed: run ./smartpark test (it installs Debian's postgresql)")
            : Path.Combine(newest, "bin");
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres = false)
    {
        var info = asPostgres && AsRoot
            ? new ProcessStartInfo("/usr/sbin/runuser") { ArgumentList = { "-u", SystemUser, "--", file } }
            : new ProcessStartInfo(file);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // initdb as postgres cannot read root's working directory; / is readable by all.
        info.WorkingDirectory = "/";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
