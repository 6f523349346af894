using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>One influxd and one Ingest (with its embedded broker) for the Ingest tests.</summary>
public sealed class IngestFixture : IAsyncLifetime
{
    public const string Database = "ingest_tests";

    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, Database);
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
    }
}
