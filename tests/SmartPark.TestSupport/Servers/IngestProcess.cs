namespace SmartPark.TestSupport;

/// <summary>Ingest as its own process (as deployed), for tests that kill it.</summary>
public sealed class IngestProcess : IAsyncDisposable
{
    private readonly ProcessRunner _process;

    private IngestProcess(ProcessRunner process) => _process = process;

    public string Output => _process.Output;

    /// <summary>Ingest consuming from an external broker, with its spool and rollup state under <paramref name="data"/>.</summary>
    public static Task<IngestProcess> StartAsync(int brokerPort, Uri influx, string database, string data) =>
        StartAsync(influx, database, data, ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={brokerPort}"]);

    /// <summary>Ingest hosting its embedded broker on <paramref name="brokerPort"/> (the default topology).</summary>
    public static Task<IngestProcess> StartEmbeddedAsync(int brokerPort, Uri influx, string database, string data) =>
        StartAsync(influx, database, data, [$"--EmbeddedBroker:Port={brokerPort}", $"--Ingest:Broker:Port={brokerPort}"]);

    private static async Task<IngestProcess> StartAsync(Uri influx, string database, string data, string[] brokerArgs)
    {
        var http = FreePort.Next();
        var process = ProcessRunner.Start("dotnet",
        [
            RepositoryPaths.Output("src/Ingest", "SmartPark.Ingest.dll"),
            $"--Urls=http://127.0.0.1:{http}",
            .. brokerArgs,
            $"--Ingest:SpoolDirectory={Path.Combine(data, "spool")}",
            $"--Rollups:StateDirectory={Path.Combine(data, "rollups")}",
            $"--Alerts:StateDirectory={Path.Combine(data, "alerts")}",
            "--Rollups:Grace=00:00:01",
            "--Rollups:CheckInterval=00:00:00.500",
            "--Ingest:FlushInterval=00:00:00.050",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
        ]);
        using var client = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException("Ingest exited: " + process.Output);
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/healthz"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "Ingest to report healthy");
        return new IngestProcess(process);
    }

    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
