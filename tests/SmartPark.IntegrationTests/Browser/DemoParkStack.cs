using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The whole system for the park-view browser tests: Mosquitto, influxd, Ingest (rules, alerts,
/// rollups) and the Dashboard, both reading the demo park's registry (seven enterprises with
/// their places on the park plan, one of them shut down).
/// </summary>
public sealed class DemoParkStack : IAsyncLifetime
{
    public const string Park = "baiyun-shimen";
    public const string Database = "views";

    public static string RegistryPath { get; } = Path.Combine(RepositoryPaths.Root, "simulators", "ParkSimulator", "parks", "baiyun-demo.registry.yaml");

    public MosquittoServer Broker { get; private set; } = null!;
    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;
    public DashboardHost Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync();
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, Database, "--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={Broker.Port}", $"--Registry:Path={RegistryPath}");
        Dashboard = await DashboardHost.StartAsync(Broker.Port, Influx.Url, Database, $"--Registry:Path={RegistryPath}");
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
