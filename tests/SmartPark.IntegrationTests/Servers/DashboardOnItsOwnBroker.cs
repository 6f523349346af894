using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>
/// A Mosquitto and a Dashboard without InfluxDB, started for each test of a class that derives
/// from this, for the Dashboard tests that need no stored data. Each test gets its own pair on
/// purpose: these tests count sign-in failures, lock accounts and watch a broker's traffic, so a
/// Dashboard shared across tests would carry one test's state into the next.
/// </summary>
public abstract class DashboardOnItsOwnBroker : IAsyncLifetime
{
    protected MosquittoServer Broker { get; private set; } = null!;
    protected DashboardHost Dashboard { get; private set; } = null!;

    /// <summary>The park database, for a class that asks for one (<see cref="ParkDbProvider"/>).</summary>
    protected TestParkDatabase? ParkDb { get; private set; }

    /// <summary>Null (the default): the Dashboard runs without a park database; else the provider of the one it gets, seeded with <see cref="TestParkDatabase.SeedStandardAsync"/>.</summary>
    protected virtual string? ParkDbProvider => null;

    public async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync();
        string[] extra = await DashboardArgsAsync();
        if (ParkDbProvider is { } provider)
        {
            ParkDb = await TestParkDatabase.CreateAsync(provider);
            await ParkDb.SeedStandardAsync();
            extra = [.. extra, .. ParkDb.DashboardArgs];
        }
        Dashboard = await DashboardHost.StartAsync(Broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", extra);
    }

    /// <summary>More command-line arguments for the Dashboard (a park database, say), prepared before it starts.</summary>
    protected virtual Task<string[]> DashboardArgsAsync() => Task.FromResult<string[]>([]);

    /// <summary>Runs after the Dashboard and broker have stopped: removes what <see cref="DashboardArgsAsync"/> prepared.</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        if (ParkDb is not null)
            await ParkDb.DisposeAsync();
        await Broker.DisposeAsync();
        await CleanUpAsync();
    }
}
