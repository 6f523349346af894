using Microsoft.Extensions.Logging;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using SmartPark.Simulator;
using SmartPark.Simulator.Scenarios;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>One real InfluxDB for the simulator's tests; each test gets its own database and Ingest.</summary>
public sealed class ScenarioInflux : IAsyncLifetime
{
    public InfluxDbServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The simulator's tests share one influxd and run one after another: each drives a whole park
/// (or 300 devices) on a clock, and running them side by side would only measure the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<ScenarioInflux>
{
    public const string Name = "Simulator";
}

/// <summary>
/// Ingest with its embedded broker, stopped and started again on the same port and data folder
/// when a scenario restarts the broker.
/// </summary>
public sealed class RestartableIngest : IBrokerControl, IAsyncDisposable
{
    private readonly Uri _influx;
    private readonly string _database;
    private readonly string[] _args;
    private IngestHost _host;
    private IngestHost? _stopped;

    private RestartableIngest(IngestHost host, Uri influx, string database, string[] args)
    {
        _host = host;
        _influx = influx;
        _database = database;
        _args = args;
        BrokerPort = host.BrokerPort;
    }

    public int BrokerPort { get; }

    public static async Task<RestartableIngest> StartAsync(Uri influx, string database, string[] args) =>
        new(await IngestHost.StartAsync(influx, database, args), influx, database, args);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _host.DisposeAsync();
        _stopped = _host;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _host = await IngestHost.RestartAsync(_stopped!, _influx, _database, _args);
        _stopped = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped is null)
            await _host.DisposeAsync();
    }
}

/// <summary>
/// Every scenario shipped in simulators/scenarios/ with expectations runs in --check mode against
/// the real system: Ingest (embedded broker with the demo registry: devices log in with their
/// derived passwords, ACLs enforced) writing to a real influxd. A scenario whose expectations
/// fail fails the test with the runner's report.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
[Collection(SimulatorCollection.Name)]
public sealed class ShippedScenarioTests(ScenarioInflux influx, ITestOutputHelper output)
{
    // The demo's own credentials (simulators/README.md, "The demo's credentials"): the registry holds their hashes.
    private const string DemoDeviceSecret = "smartpark-demo-only";
    private const string IngestPassword = "demo-ingest-password";
    private const string DashboardPassword = "demo-dashboard-password";

    private static readonly string ScenarioDirectory = Path.Combine(RepositoryPaths.Root, "simulators", "scenarios");
    private static readonly string Registry = Path.Combine(RepositoryPaths.Root, "simulators", "ParkSimulator", "parks", "baiyun-demo.registry.yaml");

    public static TheoryData<string> Checked()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenarioDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (ScenarioLoader.Load(file).Expectations.Count > 0)
                data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Checked))]
    public async Task Shipped_scenario_meets_its_expectations(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(ScenarioDirectory, file));
        var database = "scenario_" + Path.GetFileNameWithoutExtension(file).Replace('-', '_');
        // A scenario that expects people to be told gets a real SMTP server and SMS gateway, and Ingest sends to them.
        await using var people = scenario.Expectations.Any(x => x is NotifiedExpectation or NotNotifiedExpectation) ? await PeopleReceivers.StartAsync() : null;
        string[] ingestArgs =
        [
            $"--Registry:Path={Registry}",
            "--Ingest:Broker:Username=ingest",
            $"--Ingest:Broker:Password={IngestPassword}",
            .. scenario.IngestArguments(),
            .. people?.IngestArguments() ?? [],
        ];
        await using var ingest = await RestartableIngest.StartAsync(influx.Server.Url, database, ingestArgs);
        var data = Directory.CreateTempSubdirectory("smartpark-scenario-").FullName;
        try
        {
            using var loggers = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggers(output)));
            var options = new ScenarioRunOptions
            {
                Simulation = new SimulationOptions { DataDirectory = data, BrokerPort = ingest.BrokerPort, DeviceSecret = DemoDeviceSecret },
                Broker = ingest,
                Check = true,
                WatchUsername = "dashboard",
                WatchPassword = DashboardPassword,
                Influx = new InfluxOptions { Url = influx.Server.Url, Database = database },
                Grace = TimeSpan.FromSeconds(15),
                Notifications = people is null ? null : people.Sightings,
            };
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var outcome = await new ScenarioRunner(scenario, options, loggers).RunAsync(deadline.Token);
            var report = ScenarioRunner.Report(scenario, outcome);
            output.WriteLine(report);
            Assert.True(outcome.Results.Count == scenario.Expectations.Count, report);
            Assert.True(outcome.Passed, report);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
