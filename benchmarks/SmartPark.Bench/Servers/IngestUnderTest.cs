using System.Globalization;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Servers;

/// <summary>
/// Ingest as deployed: its own process from the Release build, writing to the bench's influxd,
/// either consuming from the bench's Mosquitto (embedded broker off) or hosting its embedded
/// broker for the publishers (<see cref="StartEmbeddedAsync"/>), with default settings unless the
/// bench is given extra <c>--Section:Key=value</c> arguments for it.
/// </summary>
internal sealed class IngestUnderTest : IAsyncDisposable
{
    private readonly ProcessRunner _process;
    private readonly string _dir;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private IngestUnderTest(ProcessRunner process, string dir, Uri url)
    {
        _process = process;
        _dir = dir;
        Url = url;
    }

    public Uri Url { get; }
    public int Pid => _process.Pid;
    public bool HasExited => _process.HasExited;
    public string Output => _process.Output;

    public int? EmbeddedBrokerPort { get; private init; }

    public static Task<IngestUnderTest> StartAsync(int brokerPort, Uri influx, string database, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        StartAsync(influx, database, ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={brokerPort}", .. extraArgs], null, cancellationToken);

    /// <summary>Ingest hosting its embedded broker on a free port of its own.</summary>
    public static Task<IngestUnderTest> StartEmbeddedAsync(Uri influx, string database, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        var brokerPort = FreePort.Next();
        // Every simulated device connects from 127.0.0.1, as a whole park behind one NAT address
        // would: the per-address cap (200 by default) is raised as such a park would raise it.
        return StartAsync(influx, database, [$"--EmbeddedBroker:Port={brokerPort}", $"--Ingest:Broker:Port={brokerPort}", "--EmbeddedBroker:MaxConnectionsPerAddress=20000", .. extraArgs], brokerPort, cancellationToken);
    }

    private static async Task<IngestUnderTest> StartAsync(Uri influx, string database, IReadOnlyList<string> brokerAndExtraArgs, int? embeddedBrokerPort, CancellationToken cancellationToken)
    {
        var dll = RepositoryPaths.Output("src/Ingest", "SmartPark.Ingest.dll");
        var dir = Directory.CreateTempSubdirectory("smartpark-bench-ingest-").FullName;
        var port = FreePort.Next();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var process = ProcessRunner.Start("dotnet",
        [
            dll,
            $"--Urls=http://127.0.0.1:{port}",
            "--Ingest:Broker:ClientId=smartpark-ingest-bench",
            $"--Ingest:SpoolDirectory={Path.Combine(dir, "spool")}",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
            "--Logging:LogLevel:Default=Warning",
            .. brokerAndExtraArgs,
        ], dir);
        var ingest = new IngestUnderTest(process, dir, url) { EmbeddedBrokerPort = embeddedBrokerPort };
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException("Ingest exited: " + process.Output);
                using var response = await ingest._http.GetAsync(new Uri(url, "healthz"), cancellationToken);
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromSeconds(60), "Ingest to report healthy");
        }
        catch
        {
            await ingest.DisposeAsync();
            throw;
        }
        return ingest;
    }

    /// <summary>Ingest's own counters from <c>/metrics</c> (Prometheus text): cheap enough to read
    /// every second, unlike counting in InfluxDB.</summary>
    public async Task<IngestCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri(Url, "metrics"), cancellationToken);
        return IngestCounters.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM first: Ingest flushes and acknowledges what it holds, as in production.
        await _process.StopAsync(TimeSpan.FromSeconds(25));
        await _process.DisposeAsync();
        _http.Dispose();
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
