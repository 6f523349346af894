using Microsoft.Extensions.Logging;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Simulator.Load;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>
/// <c>simulate load</c> against the real system: every device its own connection to Ingest's
/// embedded broker, and every reading the broker acknowledged ends up in InfluxDB.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class LoadThroughSystemTests(ScenarioInflux influx, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_load_reading_is_stored()
    {
        const string database = "load_through_system";
        // 300 devices from one address (127.0.0.1), over the broker's default per-address cap of 200:
        // raised as a park behind one NAT address would raise it.
        await using var ingest = await IngestHost.StartAsync(influx.Server.Url, database, "--EmbeddedBroker:MaxConnectionsPerAddress=1000");
        var options = new LoadOptions
        {
            Devices = 300,
            Sensors = 5,
            Rate = 2,
            Ramp = TimeSpan.FromSeconds(2),
            Hold = TimeSpan.FromSeconds(4),
            Port = ingest.BrokerPort,
            Park = "load-test",
            ProgressEvery = TimeSpan.FromSeconds(1),
        };
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggers(output, "load")));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var summary = await new LoadRun(options, loggers.CreateLogger("load")).RunAsync(deadline.Token);

        Assert.Equal(300, summary.PeakConnected);
        Assert.Equal(0, summary.ConnectFailures);
        Assert.Equal(0, summary.Refused);
        Assert.Equal(summary.Published, summary.Acknowledged);
        Assert.True(summary.Acknowledged > 300 * 2 * 3, $"only {summary.Acknowledged} batches in a 4 s hold at 600 batches/s");
        var expected = summary.Acknowledged * options.Sensors;
        var stored = await Poll.UntilAsync(() => influx.Server.CountAsync(database, "temperature", "park = 'load-test'"), n => n >= expected, TimeSpan.FromSeconds(30), $"{expected} readings in InfluxDB");
        output.WriteLine($"{summary.Acknowledged} batches acknowledged, {stored} readings stored");
        Assert.Equal(expected, stored);
    }
}
