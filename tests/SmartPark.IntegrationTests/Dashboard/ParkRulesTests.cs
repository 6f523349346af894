using System.Net;
using System.Net.Http.Json;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>
/// Ingest retains each park's rule set on MQTT and the Dashboard serves the rules that apply to an
/// enterprise (the enterprise charts' limit lines), with configuration overrides resolved: real
/// Mosquitto, influxd, Ingest and Dashboard.
/// </summary>
public sealed class ParkRulesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private MosquittoServer _broker = null!;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, "rules", "--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={_broker.Port}",
            // The park lowers the hourly limit for everyone; one enterprise gets a stricter instant limit.
            "--Alerts:Rules:0:Id=nmhc-inplant-1h-gd", "--Alerts:Rules:0:Park=p-live", "--Alerts:Rules:0:Limit=4.5",
            "--Alerts:Rules:1:Id=nmhc-inplant-instant-gd", "--Alerts:Rules:1:Park=p-live", "--Alerts:Rules:1:Enterprise=e-strict", "--Alerts:Rules:1:Limit=15");
        _dashboard = await DashboardHost.StartAsync(_broker.Port, _influx.Url, "rules");
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_parks_first_telemetry_makes_Ingest_publish_its_rules_and_the_Dashboard_serves_them_per_enterprise()
    {
        var batch = TelemetryJson.Batch("d-strict", 1, TelemetryJson.Reading("voc-1", "nmhc", 2.0, "mg/m3", DateTimeOffset.UtcNow.AddSeconds(-1)));
        await MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Telemetry(new DeviceAddress("p-live", "e-strict", "d-strict")), TelemetryJson.Bytes(batch));

        using var op = await _dashboard.SignInAsync(TestUser.OperatorA);
        var strict = await Poll.UntilAsync(
            () => op.Http.GetFromJsonAsync<List<RuleLimit>>("api/parks/p-live/rules?enterprise=e-strict")!,
            r => r!.Count > 0, Timeout, "rules of p-live on the Dashboard");

        // Park-wide: the park's own hourly limit replaced the provincial default.
        var hourly = Assert.Single(strict!, r => r.RuleId == "nmhc-inplant-1h-gd");
        Assert.Equal(4.5, hourly.Limit);
        Assert.Equal("PT1H", hourly.Averaging);
        Assert.Equal("mg/m3", hourly.Unit);
        Assert.StartsWith("DB44/2367-2022", hourly.Source);
        // The enterprise's stricter instant limit comes with the park-wide one it overrides there.
        var instant = strict!.Where(r => r.RuleId == "nmhc-inplant-instant-gd").OrderBy(r => r.Limit).ToList();
        Assert.Equal([15.0, 20.0], instant.Select(r => r.Limit!.Value));
        Assert.Equal(["e-strict", null], instant.Select(r => r.Enterprise));
        // National limits do not apply in a Guangdong park; rules without a limit are not chart lines.
        Assert.DoesNotContain(strict!, r => r.RuleId == "nmhc-inplant-1h" || r.Limit is null);

        var other = (await op.Http.GetFromJsonAsync<List<RuleLimit>>("api/parks/p-live/rules?enterprise=e-other"))!;
        Assert.Equal([20.0], other.Where(r => r.RuleId == "nmhc-inplant-instant-gd").Select(r => r.Limit!.Value));

        // The whole rule set, including rules without limits, for the park as a whole.
        var all = (await op.Http.GetFromJsonAsync<List<RuleLimit>>("api/parks/p-live/rules"))!;
        Assert.Contains(all, r => r.RuleId == "smoke" && r.Kind == "detector");

        // The kinds of rule come with the rule set, titles and settings included: what the alerts view's filter lists.
        var kinds = (await op.Http.GetFromJsonAsync<List<RuleKindInfo>>("api/alerts/kinds"))!;
        Assert.Equal(SmartPark.Ingest.Alerts.Rules.RuleKinds.All.Select(k => k.Name), kinds.Select(k => k.Name));
        var rise = Assert.Single(kinds, k => k.Name == "rise");
        Assert.Equal(("短时骤升", "sudden rise"), (rise.Titles["zh-CN"], rise.Titles["en"]));
        Assert.Equal(["Rise", "Window"], rise.Settings.Where(s => s.Required).Select(s => s.Name));

        // Another park's rules are that park's operators' business.
        var refused = await op.Http.GetAsync("api/parks/p-b/rules");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
