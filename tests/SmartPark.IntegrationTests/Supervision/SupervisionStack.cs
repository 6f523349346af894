using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>A Mosquitto, a park database of one provider (seeded with the standard parks) and a Dashboard on both, for one test.</summary>
public sealed class SupervisionStack : IAsyncDisposable
{
    private SupervisionStack(MosquittoServer broker, TestParkDatabase database, DashboardHost dashboard)
    {
        Broker = broker;
        Database = database;
        Dashboard = dashboard;
    }

    public MosquittoServer Broker { get; }
    public TestParkDatabase Database { get; }
    public DashboardHost Dashboard { get; }

    public static async Task<SupervisionStack> StartAsync(string provider)
    {
        var broker = await MosquittoServer.StartAsync();
        var database = await TestParkDatabase.CreateAsync(provider);
        await database.SeedStandardAsync();
        var dashboard = await DashboardHost.StartAsync(broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", database.DashboardArgs);
        return new SupervisionStack(broker, database, dashboard);
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Database.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

/// <summary>JSON writes as the pages send them: with the anti-forgery token in its header.</summary>
public static class JsonWrites
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this SignedInClient client, HttpMethod method, string path, object body)
    {
        var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        return await client.Http.SendAsync(request);
    }
}
