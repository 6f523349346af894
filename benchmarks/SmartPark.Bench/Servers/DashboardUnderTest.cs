using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Servers;

/// <summary>
/// The Dashboard as deployed: its own process from the Release build, reading the bench's
/// Mosquitto and influxd, with one operator of the bench's parks in its users file. The password
/// is made up per run and hashed by the Dashboard's own <c>hash-password</c>, as an operator would.
/// </summary>
internal sealed class DashboardUnderTest : IAsyncDisposable
{
    public const string User = "bench-operator";

    private readonly ProcessRunner _process;
    private readonly string _dir;

    private DashboardUnderTest(ProcessRunner process, string dir, Uri url, string password)
    {
        _process = process;
        _dir = dir;
        Url = url;
        Password = password;
    }

    public Uri Url { get; }
    public string Password { get; }
    public int Pid => _process.Pid;
    public bool HasExited => _process.HasExited;
    public string Output => _process.Output;

    public static async Task<DashboardUnderTest> StartAsync(int brokerPort, Uri influx, string database, IReadOnlyList<string> parks, CancellationToken cancellationToken)
    {
        var dll = RepositoryPaths.Output("src/Dashboard", "SmartPark.Dashboard.dll");
        var dir = Directory.CreateTempSubdirectory("smartpark-bench-dashboard-").FullName;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var usersPath = Path.Combine(dir, "users.json");
        await File.WriteAllTextAsync(usersPath, JsonSerializer.Serialize(new
        {
            users = new[] { new { name = User, role = "operator", parks, passwordHash = await HashAsync(dll, password, cancellationToken) } },
        }), cancellationToken);

        var port = FreePort.Next();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var process = ProcessRunner.Start("dotnet",
        [
            dll,
            $"--Urls=http://127.0.0.1:{port}",
            $"--Dashboard:Broker:Port={brokerPort}",
            $"--Dashboard:UsersPath={usersPath}",
            // 500 simulated browsers sign in as one user from loopback within seconds: far past
            // the per-address and per-user sign-in limits meant for people.
            "--Dashboard:SignIn:AttemptsPerAddress=100000",
            "--Dashboard:SignIn:AttemptsPerUser=100000",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
            "--Logging:LogLevel:Default=Warning",
        ], dir);
        var dashboard = new DashboardUnderTest(process, dir, url, password);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException("Dashboard exited: " + process.Output);
                using var response = await http.GetAsync(new Uri(url, "healthz"), cancellationToken);
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromSeconds(60), "the Dashboard to report healthy");
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
        return dashboard;
    }

    /// <summary>The users-file hash of <paramref name="password"/>, from <c>SmartPark.Dashboard.dll hash-password</c> (password on stdin).</summary>
    private static async Task<string> HashAsync(string dll, string password, CancellationToken cancellationToken)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("hash-password");
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not run hash-password");
        await process.StandardInput.WriteLineAsync(password.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        var hash = (await process.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && hash.Length > 0
            ? hash
            : throw new InvalidOperationException("hash-password failed: " + await process.StandardError.ReadToEndAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(15));
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
