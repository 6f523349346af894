namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// One private PostgreSQL server for the Dashboard tests that run on both databases, started
/// the first time one asks and stopped (by its PID, folder removed) when the test process exits.
/// Those tests sit in many collections, so a collection fixture cannot share it; each test gets
/// a database of its own on it.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
