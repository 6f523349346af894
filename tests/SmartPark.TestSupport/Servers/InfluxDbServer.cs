using System.Globalization;
using SmartPark.Platform.Influx;

namespace SmartPark.TestSupport;

/// <summary>
/// A private influxd (Debian's influxdb 1.6, v1 API) on free loopback ports with its own data
/// folder, started for a test class and stopped with it.
/// </summary>
public sealed class InfluxDbServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _config;
    private ProcessRunner _process = null!;

    private InfluxDbServer(string dir, string config, int port)
    {
        _dir = dir;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    /// <summary>influxd's process id (the benchmark samples its CPU and memory).</summary>
    public int Pid => _process.Pid;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public static async Task<InfluxDbServer> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-influx-").FullName;
        var port = FreePort.Next();
        var rpc = FreePort.Next();
        var config = Path.Combine(dir, "influxdb.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpc}"
            [meta]
              dir = "{dir}/meta"
            [data]
              dir = "{dir}/data"
              wal-dir = "{dir}/wal"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
            [logging]
              level = "warn"
            [monitor]
              store-enabled = false
            [subscriber]
              enabled = false
            """));
        var server = new InfluxDbServer(dir, config, port);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts influxd (again) on the same ports and data.</summary>
    public async Task StartAgainAsync()
    {
        var influxd = new[] { "/usr/bin/influxd", "/usr/local/bin/influxd" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("influxd is not installed: run ./smartpark test (it installs Debian's influxdb)");
        var process = ProcessRunner.Start(influxd, ["-config", _config]);
        _process = process;
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"influxd exited: {process.Output}");
            using var response = await http.GetAsync(new Uri(Url, "ping"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "influxd to answer /ping");
    }

    public Task StopAsync() => _process.StopAsync();

    public InfluxV1Client Client(string database) =>
        new(new HttpClient(), new InfluxOptions { Url = Url, Database = database });

    /// <summary>How many points a measurement holds, optionally filtered by an InfluxQL condition.</summary>
    public async Task<long> CountAsync(string database, string measurement, string? where = null)
    {
        var response = await Client(database).QueryAsync(
            $"SELECT count(value) FROM {InfluxQl.Identifier(measurement)}" + (where is null ? "" : $" WHERE {where}"), CancellationToken.None);
        var series = response.Results.SelectMany(r => r.Series ?? []).FirstOrDefault();
        return series is null ? 0 : series.Values[0][series.ColumnIndex("count")].GetInt64();
    }

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
