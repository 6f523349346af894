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

    public async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync();
        Dashboard = await DashboardHost.StartAsync(Broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", await DashboardArgsAsync());
    }

    /// <summary>More command-line arguments for the Dashboard (a park database, say), prepared before it starts.</summary>
    protected virtual Task<string[]> DashboardArgsAsync() => Task.FromResult<string[]>([]);

    /// <summary>Runs after the Dashboard and broker have stopped: removes what <see cref="DashboardArgsAsync"/> prepared.</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        await CleanUpAsync();
    }
}
