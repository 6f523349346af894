namespace SmartPark.IntegrationTests.Servers;

/// <summary>
/// One influxd for every class in <see cref="SharedInfluxCollection"/>, instead of one per test:
/// each test writes to a database of its own (<see cref="NewDatabase"/>), so it sees only its own
/// points. For tests that only read and write; a test that stops or restarts InfluxDB starts its own.
/// </summary>
public sealed class SharedInflux : IAsyncLifetime
{
    private int _databases;

    public InfluxDbServer Server { get; private set; } = null!;

    /// <summary>A database name no other test of the run uses: <paramref name="name"/> and a number.</summary>
    public string NewDatabase(string name) => $"{name}_{Interlocked.Increment(ref _databases)}";

    public async Task InitializeAsync() => Server = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The classes sharing one <see cref="SharedInflux"/> (xUnit runs them one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedInfluxCollection : ICollectionFixture<SharedInflux>
{
    public const string Name = "One influxd, a database per test";
}
