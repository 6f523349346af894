using System.Globalization;
using Microsoft.AspNetCore.Builder;
using SmartPark.Ingest;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>The real Ingest application hosted in the test process, with its embedded broker on a free port.</summary>
public sealed class IngestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IngestHost(WebApplication app, int brokerPort, int httpPort, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BrokerPort = brokerPort;
        HttpPort = httpPort;
    }

    public int BrokerPort { get; }
    public int HttpPort { get; }
    /// <summary>Spool, rollup and alert state: what a restart must find again.</summary>
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    public static Task<IngestHost> StartAsync(Uri influx, string database, params string[] extraArgs) =>
        StartAsync(Directory.CreateTempSubdirectory("smartpark-ingest-").FullName, FreePort.Next(), influx, database, extraArgs);

    /// <summary>
    /// Started without waiting for <c>/healthz</c>: for an Ingest that cannot be healthy yet (its
    /// registry's database not migrated); the test waits for what it expects itself.
    /// </summary>
    public static Task<IngestHost> StartUnreadyAsync(Uri influx, string database, params string[] extraArgs) =>
        StartAsync(Directory.CreateTempSubdirectory("smartpark-ingest-").FullName, FreePort.Next(), influx, database, extraArgs, waitUntilHealthy: false);

    /// <summary>A new Ingest on the data and broker port of one that was stopped: a restart.</summary>
    public static Task<IngestHost> RestartAsync(IngestHost stopped, Uri influx, string database, params string[] extraArgs) =>
        StartAsync(stopped.DataDirectory, stopped.BrokerPort, influx, database, extraArgs);

    private static async Task<IngestHost> StartAsync(string data, int broker, Uri influx, string database, string[] extraArgs, bool waitUntilHealthy = true)
    {
        var http = FreePort.Next();
        string[] args =
        [
            $"--Urls=http://127.0.0.1:{http}",
            $"--EmbeddedBroker:Port={broker}",
            $"--Ingest:Broker:Port={broker}",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
            "--Ingest:FlushInterval=00:00:00.050",
            $"--Ingest:SpoolDirectory={Path.Combine(data, "spool")}",
            $"--Rollups:StateDirectory={Path.Combine(data, "rollups")}",
            $"--Consumption:StateDirectory={Path.Combine(data, "consumption")}",
            $"--Alerts:StateDirectory={Path.Combine(data, "alerts")}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = IngestApp.Build(args);
        await app.StartAsync();
        var host = new IngestHost(app, broker, http, data);
        if (!waitUntilHealthy)
            return host;
        using var client = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            using var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{http}/healthz"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "Ingest /healthz to report healthy");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
