using System.Net;
using System.Text.Json;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Platform;

/// <summary>
/// Readiness (<c>/healthz/ready</c>) follows each service's real dependencies, while liveness
/// (<c>/healthz/live</c>) stays 200 and <c>/healthz</c> answers as before: a real influxd and
/// Mosquitto are stopped under a running Dashboard, Uplink and Ingest, then started again.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private const string Database = "readiness";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private InfluxDbServer _influx = null!;
    private MosquittoServer _mosquitto = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxDbServer.StartAsync();
        _mosquitto = await MosquittoServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _mosquitto.DisposeAsync();
        await _influx.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task The_Dashboard_is_not_ready_while_InfluxDB_is_down_and_ready_again_when_it_is_back()
    {
        await using var dashboard = await DashboardHost.StartAsync(_mosquitto.Port, _influx.Url, Database);
        await AssertInfluxFollowedAsync(dashboard.Url);
    }

    [Fact]
    public async Task The_Uplink_is_not_ready_while_InfluxDB_is_down_and_ready_again_when_it_is_back()
    {
        await using var uplink = await UplinkHost.StartAsync(
            $"--Uplink:Broker:Port={_mosquitto.Port}", $"--Influx:Url={_influx.Url}", $"--Influx:Database={Database}",
            "--Uplink:MinReconnectDelay=00:00:00.200", "--Uplink:MaxReconnectDelay=00:00:01");
        await AssertInfluxFollowedAsync(new Uri($"http://127.0.0.1:{uplink.HttpPort}/"));
    }

    [Fact]
    public async Task Ingest_is_not_ready_while_the_alert_engine_has_lost_its_broker_and_ready_again_when_it_is_back()
    {
        await using var ingest = await IngestHost.StartAsync(_influx.Url, Database,
            "--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={_mosquitto.Port}",
            "--Ingest:Broker:MinReconnectDelay=00:00:00.200", "--Ingest:Broker:MaxReconnectDelay=00:00:01");
        var url = new Uri($"http://127.0.0.1:{ingest.HttpPort}/");
        var ready = await HealthAsync(url, "healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Code);
        Assert.Equal("Healthy", ready.Checks["alert-broker"]);

        await _mosquitto.StopAsync();
        await Poll.UntilAsync(() => HealthAsync(url, "healthz/ready"), h => h.Checks["alert-broker"] == "Unhealthy", Timeout, "the alert engine's connection to count as down");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAsync(url, "healthz/ready")).Code);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(url, "healthz/live")).Code);

        await _mosquitto.StartAgainAsync();
        await Poll.UntilAsync(() => HealthAsync(url, "healthz/ready"), h => h.Code == HttpStatusCode.OK && h.Checks["alert-broker"] == "Healthy", Timeout, "Ingest to be ready again");
    }

    private async Task AssertInfluxFollowedAsync(Uri service)
    {
        var ready = await HealthAsync(service, "healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Code);
        Assert.Equal("Healthy", ready.Checks["influxdb"]);
        Assert.DoesNotContain("influxdb", (await HealthAsync(service, "healthz")).Checks.Keys);

        await _influx.StopAsync();
        var down = await Poll.UntilAsync(() => HealthAsync(service, "healthz/ready"), h => h.Checks["influxdb"] == "Unhealthy", Timeout, "InfluxDB to count as down");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Code);
        Assert.Equal("Unhealthy", down.Status);
        // /healthz keeps its meaning from before readiness: the service's own state.
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(service, "healthz")).Code);
        var live = await HealthAsync(service, "healthz/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Code, live.Status));
        Assert.Empty(live.Checks);

        await _influx.StartAgainAsync();
        var back = await Poll.UntilAsync(() => HealthAsync(service, "healthz/ready"), h => h.Checks["influxdb"] == "Healthy", Timeout, "InfluxDB to count as up again");
        Assert.Equal(HttpStatusCode.OK, back.Code);
    }

    private async Task<Health> HealthAsync(Uri service, string path)
    {
        using var response = await _http.GetAsync(new Uri(service, path));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return new Health(response.StatusCode, body.RootElement.GetProperty("status").GetString()!, checks);
    }

    private sealed record Health(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, string> Checks);
}
