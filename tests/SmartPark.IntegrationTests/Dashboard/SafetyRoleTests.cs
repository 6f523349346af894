using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Live;
using SmartPark.Dashboard.Safety;
using SmartPark.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>
/// The safety role (emergency-management and fire authorities) of park <c>p-a</c>: its safety alarms, never an
/// emission alert nor another park's alarm, through the APIs and the SignalR hub; the readings behind them
/// and nothing else of the park; every endpoint not open to it refused, read from the endpoint data source
/// so an endpoint added later is covered without anyone adding it here.
/// </summary>
public sealed class SafetyRoleTests(ITestOutputHelper output) : DashboardOnItsOwnBroker
{
    protected override string? ParkDbProvider => SmartPark.ParkData.ParkDatabaseProvider.Sqlite;

    private const string Mine = "p-a";
    private const string Foreign = "p-b";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static AlertDocument Fire(string id, string park) => AlertSamples.Document(id) with
    {
        Park = park,
        RuleId = "smoke",
        Rule = "Smoke detector alarm",
        Kind = "detector",
        Quantity = "smoke",
        Sensor = "smoke-1",
        Unit = "bool",
        Value = 1,
        Limit = null,
        Averaging = null,
        Source = null,
        Bureau = false,
        Safety = true,
    };

    private static AlertDocument Emission(string id, string park) => AlertSamples.Document(id) with { Park = park };

    private Task RetainAsync(AlertDocument alert) =>
        MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Alert(alert.Park, alert.AlertId),
            JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument), retain: true);

    private static async Task<List<string>> AlertIdsAsync(SignedInClient client, string path) =>
        [.. (await client.Http.GetFromJsonAsync<List<JsonElement>>(path))!.Select(a => a.GetProperty("alertId").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_safety_user_sees_the_safety_alarms_of_its_parks_and_never_an_emission_alert_nor_another_parks_alarm()
    {
        await RetainAsync(Fire("a-fire", Mine) with { RaisedAt = AlertSamples.RaisedAt });
        await RetainAsync(Fire("a-fire-later", Mine) with { RaisedAt = AlertSamples.RaisedAt.AddMinutes(5) });
        await RetainAsync(Emission("a-nmhc", Mine));
        await RetainAsync(Fire("b-fire", Foreign));
        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        await Poll.UntilAsync(() => admin.Http.GetFromJsonAsync<List<JsonElement>>("api/alerts")!, a => a!.Count == 4, Timeout, "the four alerts open");

        using var safety = await Dashboard.SignInAsync(TestUser.SafetyA);
        Assert.Equal(["a-fire", "a-fire-later"], await AlertIdsAsync(safety, "api/alerts"));
        Assert.Equal(["a-fire", "a-fire-later"], await AlertIdsAsync(safety, $"api/alerts?park={Mine}"));
        Assert.Empty(await AlertIdsAsync(safety, $"api/alerts?park={Foreign}"));

        // The safety overview: its one park, alarms newest first; no other park, no emission alert.
        var parks = (await safety.Http.GetFromJsonAsync<List<JsonElement>>("api/safety/alarms"))!;
        var park = Assert.Single(parks);
        Assert.Equal(Mine, park.GetProperty("park").GetString());
        Assert.Equal(["a-fire-later", "a-fire"], park.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()));
        // The bureau officer of the same park still sees the emission alert and not the fire.
        using var bureau = await Dashboard.SignInAsync(TestUser.BureauA);
        Assert.Equal(["a-nmhc"], await AlertIdsAsync(bureau, "api/alerts"));

        // The hub: a safety user joins the safety groups of its parks only; updates of the emission alert
        // and of another park's fire never reach it. The last update is its own park's, so once that has
        // arrived the two before it (published earlier, through the same broker and Dashboard) would have too.
        await using var hub = safety.Hub(LiveHub.Path);
        var pushed = new ConcurrentQueue<string>();
        hub.On<AlertUpdate>("alert", u => pushed.Enqueue(u.AlertId));
        await hub.StartAsync();
        await hub.InvokeAsync("JoinAlerts");
        await RetainAsync(Emission("a-nmhc", Mine) with { Occurrences = 2 });
        await RetainAsync(Fire("b-fire", Foreign) with { Occurrences = 2 });
        await RetainAsync(Fire("a-fire", Mine) with { Occurrences = 2 });
        await Poll.UntilAsync(() => Task.FromResult(pushed.ToArray()), p => p.Contains("a-fire"), Timeout, "the own park's alarm update on the hub");
        Assert.Equal(["a-fire"], pushed.ToArray());
        // A park's live readings are everything the park measures: refused, even for its own park.
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ParkSnapshot>("JoinPark", Mine));

        // The authorities watch; the park's people acknowledge (the bureau's receipt is the bureau's).
        var af = await safety.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
        using var ack = new HttpRequestMessage(HttpMethod.Post, $"api/parks/{Mine}/alerts/a-fire/ack") { Content = JsonContent.Create(new { comment = "seen" }) };
        ack.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await safety.Http.SendAsync(ack)).StatusCode);
    }

    [Fact]
    public async Task A_safety_user_sees_a_parks_safety_readings_and_their_history_not_its_emissions()
    {
        var device = new DeviceAddress(Mine, "e1", "d1");
        await MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Telemetry(device), TelemetryJson.Bytes(TelemetryJson.Batch("d1", 1,
            TelemetryJson.Reading("smoke-1", "smoke", 0, "bool", DateTimeOffset.UtcNow),
            TelemetryJson.Reading("gas-1", "gas_lel", 3, "%LEL", DateTimeOffset.UtcNow),
            TelemetryJson.Reading("voc-1", "nmhc", 2.7, "mg/m3", DateTimeOffset.UtcNow))));
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await Poll.UntilAsync(() => op.Http.GetFromJsonAsync<ParkSnapshot>($"api/parks/{Mine}/devices")!, s => s!.Devices.Sum(d => d.Readings.Count) == 3, Timeout, "the three readings live");

        using var safety = await Dashboard.SignInAsync(TestUser.SafetyA);
        var snapshot = (await safety.Http.GetFromJsonAsync<ParkSnapshot>($"api/parks/{Mine}/devices"))!;
        Assert.Equal(["gas_lel", "smoke"], Assert.Single(snapshot.Devices).Readings.Select(r => r.Quantity).Order(StringComparer.Ordinal));

        foreach (var path in new[] { "history?quantity=nmhc&sensor=voc-1", "series?quantity=nmhc", "series?quantity=nox_converted" })
            Assert.Equal(HttpStatusCode.Forbidden, (await safety.Http.GetAsync($"api/parks/{Mine}/devices/e1/d1/{path}")).StatusCode);
        // A safety reading's history is theirs (the Dashboard here has no InfluxDB, so it cannot answer more than "unavailable").
        foreach (var path in new[] { "history?quantity=smoke&sensor=smoke-1", "series?quantity=gas_lel" })
            Assert.NotEqual(HttpStatusCode.Forbidden, (await safety.Http.GetAsync($"api/parks/{Mine}/devices/e1/d1/{path}")).StatusCode);
    }

    /// <summary>Sample values for route parameters; one added later gets a plain id, which routing takes for any parameter.</summary>
    private static string Sample(string parameter) => parameter switch
    {
        "park" => Mine,
        "district" => "baiyun",
        "city" => "guangzhou",
        "year" => "2026",
        "quarter" => "3",
        "projectId" or "replacementId" => "1",
        "quantity" => "cod",
        _ => "x1",
    };

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") && Sample(parameter.Name) == "x1" ? "1" : Sample(parameter.Name),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"unexpected route part {part}"),
        }))));

    [Fact]
    public async Task Every_endpoint_not_open_to_the_safety_role_refuses_it_even_in_its_own_park()
    {
        using var safety = await Dashboard.SignInAsync(TestUser.SafetyA);
        var endpoints = Dashboard.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !SafetyRoleGate.Allowed.Contains(e.RoutePattern.RawText!.Length > 1 ? e.RoutePattern.RawText.TrimEnd('/') : e.RoutePattern.RawText))
            .ToList();
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint.RoutePattern).TrimStart('/'));
                if (method != HttpMethods.Get)
                    request.Content = JsonContent.Create(new { probe = true });
                using var response = await safety.Http.SendAsync(request);
                requests++;
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{method} {endpoint.RoutePattern.RawText}: {(int)response.StatusCode}");
            }
        }
        output.WriteLine($"{requests} requests to {endpoints.Count} endpoints closed to the safety role");
        // The overview pages, the emissions, the supervision views and the admin APIs at least.
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found closed to the safety role");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The park overview sends them to their own.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Dashboard.Url };
        noRedirect.DefaultRequestHeaders.Add("Cookie", safety.CookieHeader);
        using var home = await noRedirect.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, "/safety"), (home.StatusCode, home.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await safety.Http.GetAsync("safety")).StatusCode);
    }
}
