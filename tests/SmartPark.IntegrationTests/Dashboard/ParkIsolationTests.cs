using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>
/// Park isolation over every endpoint the Dashboard maps, read from its endpoint data source: a
/// new park endpoint is covered without anyone adding it here, and a new endpoint that is not
/// park-scoped fails the test until someone says why it cannot leak another park. The Dashboard
/// has a park database (so the supervision endpoints are mapped too) placing <c>p-a</c> in Baiyun
/// and <c>p-b</c> in Huadu, both in Guangzhou: district and city officials are held to those.
/// </summary>
public sealed class ParkIsolationTests(ITestOutputHelper output) : DashboardOnItsOwnBroker
{
    protected override string? ParkDbProvider => SmartPark.ParkData.ParkDatabaseProvider.Sqlite;

    private const string Mine = "p-a";
    private const string Foreign = "p-b";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Endpoints without a <c>{park}</c> route value, and why they cannot show another park's data.</summary>
    private static readonly Dictionary<string, string> NotParkScoped = new(StringComparer.Ordinal)
    {
        ["/healthz"] = "service health, no park data",
        ["/healthz/live"] = "process up, no park data",
        ["/healthz/ready"] = "service health, no park data",
        ["/metrics"] = "counters without park labels",
        ["/signin"] = "the sign-in form",
        ["/signout"] = "ends the caller's own session",
        ["/signin.css"] = "the sign-in page's stylesheet",
        ["/api/me"] = "the caller's own claims",
        ["/api/antiforgery"] = "the caller's own token",
        ["/api/quantities"] = "the quantity catalogue (titles, units), the same for every park",
        ["/alerts"] = "a page shell; its data comes from the alert APIs below",
        ["/bureau"] = "a page shell; its data comes from /api/bureau/exceedances",
        ["/history"] = "a page shell; its data comes from park-scoped APIs",
        ["/safety"] = "a page shell; its data comes from /api/safety/alarms",
        ["/api/safety/alarms"] = "the caller's parks only (Parks()), each alarm filtered by CanSee(alert) (SafetyRoleTests)",
        ["/api/parks"] = "lists only the caller's parks (An_operator_gets_403_for_another_parks_page_and_api)",
        ["/api/alerts"] = "each alert filtered by CanSee(alert.Park) whatever ?park= says (Query_string_parks_only_narrow_what_the_user_may_see)",
        ["/api/alerts/kinds"] = "the kinds of rule Ingest evaluates and their titles: the same for every park, no park's data",
        ["/api/alerts/recent"] = "the query is limited to the caller's parks before any ?park= filter (AlertEventReader.AddVisibility)",
        ["/api/bureau/exceedances"] = "limited to the caller's parks (AlertEventReader.AddVisibility, CanSee on open alerts)",
        ["/api/bureau/emissions"] = "lists the discharges of the parks the caller may see only (EmissionSources over the visible parks)",
        ["/api/bureau/emissions/series"] = "the park is a query value checked against the registry's park of the source and the caller's parks (403 otherwise; EmissionsViewTests)",
        ["/hubs/live"] = "JoinPark checks CanSee on the park it is given (The_hub_joins_only_parks_the_user_may_see)",
        ["/hubs/live/negotiate"] = "the hub's handshake",
        ["/api/supervision/import/districts"] = "lists only the districts the caller may import into (SupervisionAccess.CanEditDistrict)",
        ["/api/supervision/districts/{district}/parks/import"] = "refused unless SupervisionAccess.CanEditDistrict for the district the rows are written to; rows of parks held by another district are refused (DistrictSheetApiTests)",
        ["/api/supervision/districts/{district}/parks.xlsx"] = "only parks of a district in SupervisionAccess.VisibleDistricts (DistrictSheetApiTests)",
        ["/api/supervision/districts/{district}/parks.csv"] = "only parks of a district in SupervisionAccess.VisibleDistricts (DistrictSheetApiTests)",
        ["/api/supervision/districts/{district}/enterprises.csv"] = "only enterprises of parks of a district in SupervisionAccess.VisibleDistricts (DistrictSheetApiTests)",
        ["/supervision/districts/{district}/reports/{year:int}/{quarter:int}"] = "district-scoped: SupervisionAccess.VisibleDistricts decides (QuarterlyReportAccessTests)",
        ["/api/supervision/districts/{district}/reports"] = "district-scoped: SupervisionAccess.VisibleDistricts decides (QuarterlyReportAccessTests)",
        ["/api/supervision/districts/{district}/reports/{year:int}-Q{quarter:int}"] = "district-scoped: SupervisionAccess.VisibleDistricts decides; the parks are the district's by the database (QuarterlyReportAccessTests)",
        ["/api/supervision/districts/{district}/reports/{year:int}-Q{quarter:int}.xlsx"] = "district-scoped: SupervisionAccess.VisibleDistricts decides; the parks are the district's by the database (QuarterlyReportAccessTests)",
        ["/api/supervision/map"] = "the map's tile server settings, the same for every park",
        ["/api/supervision/districts/{district}"] = "decided on the district's row (Every_supervision_endpoint_refuses_another_district)",
        ["/supervision/districts/{district}"] = "decided on the district's row (Every_supervision_endpoint_refuses_another_district)",
        ["/api/supervision/cities/{city}"] = "city officials of that city and admins only (Every_supervision_endpoint_refuses_another_district)",
        ["/supervision/cities/{city}"] = "city officials of that city and admins only (Every_supervision_endpoint_refuses_another_district)",
        ["/api/admin/users/"] = "admins only (role policy), who see every park anyway",
        ["/api/admin/users/{name}"] = "admins only (role policy)",
        ["/api/admin/users/{name}/password"] = "admins only (role policy)",
        ["/supervision/users"] = "a page shell for admins only",
        ["/api/supervision/districts/{district}/parks"] = "creates a park only in the caller's own district (CanEditDistrict; ParkEditingTests)",
        ["/api/efficiency/districts/{district}/scheme"] = "decided on the district's row: reading for SupervisionAccess.VisibleDistricts, writing CanEditDistrict (Every_supervision_endpoint_refuses_another_district, EfficiencySchemeApiTests)",
        ["/efficiency/districts/{district}/scheme"] = "a page shell, decided on the district's row as its API (Every_supervision_endpoint_refuses_another_district)",
        ["/api/efficiency/districts/{district}"] = "decided on the district's row by SupervisionAccess.VisibleDistricts; the parks are the district's by the database (EfficiencyApiTests)",
        ["/api/efficiency/districts/{district}/trend"] = "decided on the district's row by SupervisionAccess.VisibleDistricts (EfficiencyApiTests)",
        ["/efficiency/districts/{district}"] = "a page shell served after the same check as its API (EfficiencyApiTests)",
        ["/api/efficiency/districts"] = "lists only the districts the caller supervises (SupervisionAccess.VisibleDistricts)",
        ["/api/efficiency/districts/{district}/economics/{year:int}"] = "decided on the district's row (FindDistrictAsync; EfficiencyInputsTests)",
        ["/api/efficiency/districts/{district}/economics/{year:int}/import"] = "refused unless CanEditDistrict; rows of another district's enterprises are refused (EfficiencyInputsTests)",
        ["/api/efficiency/districts/{district}/economics/{year:int}/template.xlsx"] = "only enterprises of a district in VisibleDistricts (EfficiencyInputsTests)",
        ["/api/efficiency/districts/{district}/economics/{year:int}/template.csv"] = "only enterprises of a district in VisibleDistricts (EfficiencyInputsTests)",
        ["/api/efficiency/districts/{district}/export.xlsx"] = "district-scoped: SupervisionAccess.VisibleDistricts decides; the enterprises are the district's parks' by the database (EfficiencyExportTests)",
        ["/api/supervision/districts/{district}/rectification"] = "decided on the district's row by SupervisionAccess.VisibleDistricts; the orders are of the district's parks by the database (RectificationApiTests)",
        ["/reply"] = "the enterprise's reply page shell, no data; its data comes from /api/reply by the link's token",
        ["/rectification/reply.js"] = "the reply page's script, no data",
        ["/rectification/reply.css"] = "the reply page's stylesheet, no data",
        ["/reply/i18n/{lang}"] = "the reply page's words from the dictionaries, the same for every park",
        ["/api/reply"] = "the link's token (a header) is the whole authority and scopes every read and write to its one order; no park or order id is read from the request (A_reply_link_reaches_its_order_only_and_stops_at_expiry_or_replacement)",
    };

    /// <summary>Sample values for route parameters other than <c>{park}</c>; a new parameter must be given one.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["enterprise"] = "e1",
        ["device"] = "d1",
        ["alertId"] = "a1",
        ["projectId"] = "1",
        // The supervision endpoints' district and city: the ones of the park Mine (Baiyun, Guangzhou).
        ["district"] = "baiyun",
        ["city"] = "guangzhou",
        // The quarterly report's quarter.
        ["year"] = "2026",
        ["quarter"] = "3",
        // A recorded meter replacement's id.
        ["replacementId"] = "1",
        // A discharge-permit limit's quantity.
        ["quantity"] = "cod",
        // A rectification order, its evidence file and a checklist.
        ["orderId"] = "1",
        ["evidenceId"] = "1",
        ["checklistId"] = "1",
    };

    private sealed record ParkEndpoint(string Method, RouteEndpoint Endpoint)
    {
        public override string ToString() => $"{Method} {Endpoint.RoutePattern.RawText}";
    }

    /// <summary>Every endpoint with a <c>{park}</c> parameter, with each method it declares; fails on any other endpoint not listed above.</summary>
    private List<ParkEndpoint> ParkEndpoints()
    {
        var endpoints = Dashboard.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var parkScoped = new List<ParkEndpoint>();
        var unexplained = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            output.WriteLine($"{string.Join(",", methods),-6} {pattern.RawText}");
            if (pattern.GetParameter("park") is not null)
            {
                Assert.True(methods.Count > 0, $"{pattern.RawText} declares no HTTP method");
                parkScoped.AddRange(methods.Select(m => new ParkEndpoint(m, endpoint)));
                foreach (var parameter in pattern.Parameters.Where(p => p.Name != "park"))
                    Assert.True(Samples.ContainsKey(parameter.Name), $"{pattern.RawText}: add a sample value for {{{parameter.Name}}} to {nameof(Samples)}");
            }
            else if (!NotParkScoped.ContainsKey(pattern.RawText!))
            {
                unexplained.Add(pattern.RawText ?? "(no pattern text)");
            }
        }
        Assert.True(unexplained.Count == 0,
            "Endpoints without a {park} route value that are not listed as unable to leak a park: " + string.Join(", ", unexplained) +
            ". Put a park-scoped endpoint in MapParkApi()/MapParkPages(), or list it in NotParkScoped with the reason it cannot show another park.");
        // The nine mapped today (two pages, seven APIs): fewer means the enumeration lost some.
        Assert.True(parkScoped.Count >= 9, $"only {parkScoped.Count} park endpoints found");
        return parkScoped;
    }

    /// <summary>The endpoint's path for a park, with the other parameters filled with samples.</summary>
    private static string PathFor(RouteEndpoint endpoint, string park) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => parameter.Name == "park" ? park : Samples[parameter.Name],
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"unexpected route part {part}"),
        }))));

    /// <summary>Spellings of one path that routing may take for the same endpoint.</summary>
    private static IEnumerable<(string Variant, string Path, bool MustRoute)> Variants(string path, string park)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string Join(IEnumerable<string> parts) => "/" + string.Join("/", parts);
        var parkAt = Array.IndexOf(segments, park);
        yield return ("as mapped", path, true);
        yield return ("upper case", path.ToUpperInvariant(), true);
        yield return ("first segment upper case", Join(segments.Select((s, i) => i == 0 ? s.ToUpperInvariant() : s)), true);
        yield return ("literals capitalised, park as is", Join(segments.Select((s, i) => i == parkAt ? s : char.ToUpperInvariant(s[0]) + s[1..])), true);
        yield return ("first letter percent-encoded", "/%" + ((int)path[1]).ToString("x2") + path[2..], true);
        yield return ("park percent-encoded", Join(segments.Select((s, i) => i == parkAt ? string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:X2}")) : s)), true);
        yield return ("park percent-encoded, lower-case hex", Join(segments.Select((s, i) => i == parkAt ? string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:x2}")) : s)), true);
        yield return ("trailing slash", path + "/", true);
        yield return ("upper case, trailing slash", path.ToUpperInvariant() + "/", true);
        yield return ("leading double slash", "/" + path, false);
        yield return ("double slash before the park", Join(segments.Take(parkAt)) + "//" + string.Join("/", segments.Skip(parkAt)), false);
        yield return ("double slash after the park", Join(segments.Take(parkAt + 1)) + "//" + string.Join("/", segments.Skip(parkAt + 1)), false);
        yield return ("trailing double slash", path + "//", false);
    }

    /// <summary>Sends the path exactly as written: no client-side canonicalisation of case, escapes or slashes.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri root, string method, string path)
    {
        var uri = new Uri(root.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method != HttpMethods.Get)
            request.Content = JsonContent.Create(new { comment = "probe" });
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Every_park_endpoint_refuses_another_parks_user_under_every_spelling_of_its_path()
    {
        var endpoints = ParkEndpoints();
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        using var bureau = await Dashboard.SignInAsync(TestUser.BureauA);
        using var safety = await Dashboard.SignInAsync(TestUser.SafetyA);
        using var district = await Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var city = await Dashboard.SignInAsync(TestUser.CityQingyuan);
        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        var failures = new List<string>();
        var checkedRequests = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var (variant, path, mustRoute) in Variants(PathFor(endpoint.Endpoint, Foreign), Foreign))
            {
                // Whether routing takes this spelling at all: ask someone who may see every park.
                using var asAdmin = await SendAsync(admin.Http, Dashboard.Url, endpoint.Method, path);
                // An endpoint's own 404 (a problem document: no such park in the park database) is
                // routed; routing's 404 has no body.
                var routed = asAdmin.StatusCode != HttpStatusCode.NotFound || asAdmin.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (mustRoute && !routed)
                    failures.Add($"{endpoint} {variant} {path}: routing did not take it (admin got 404), so the variant tests nothing");
                foreach (var (name, client) in new[] { ("operator of p-a", op), ("bureau officer of p-a", bureau), ("safety authority of p-a", safety), ("district official of Baiyun", district), ("city official of Qingyuan", city) })
                {
                    using var response = await SendAsync(client.Http, Dashboard.Url, endpoint.Method, path);
                    checkedRequests++;
                    // A spelling routing takes must be refused; one it does not take may only be refused or not found.
                    var ok = routed ? response.StatusCode == HttpStatusCode.Forbidden : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                    if (!ok)
                        failures.Add($"{endpoint} {variant} {path}: {name} got {(int)response.StatusCode}, expected 403{(routed ? "" : " or 404")}");
                }
            }
        }
        output.WriteLine($"{checkedRequests} foreign-park requests over {endpoints.Count} endpoint methods");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_park_endpoint_serves_the_users_own_park()
    {
        var endpoints = ParkEndpoints();
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = PathFor(endpoint.Endpoint, Mine);
            foreach (var (variant, spelled) in new[] { ("as mapped", path), ("literals upper case", path.Replace("/parks/", "/PARKS/", StringComparison.Ordinal).Replace("/api/", "/API/", StringComparison.Ordinal)), ("trailing slash", path + "/") })
            {
                using var response = await SendAsync(op.Http, Dashboard.Url, endpoint.Method, spelled);
                // Anything but a refusal: 200, or the endpoint's own 400/404/503 for sample ids without data.
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Redirect)
                    failures.Add($"{endpoint} {variant} {spelled}: own park got {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_park_endpoint_lets_district_and_city_officials_read_the_parks_the_data_gives_them()
    {
        var endpoints = ParkEndpoints().Where(e => e.Method == HttpMethods.Get).ToList();
        using var district = await Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var city = await Dashboard.SignInAsync(TestUser.CityGuangzhou);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var (name, client, park) in new[] { ("district official of Baiyun", district, Mine), ("city official of Guangzhou", city, Mine), ("city official of Guangzhou", city, Foreign) })
            {
                using var response = await SendAsync(client.Http, Dashboard.Url, endpoint.Method, PathFor(endpoint.Endpoint, park));
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Redirect)
                    failures.Add($"{endpoint} {park}: {name} got {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_officials_parks_follow_the_parks_district_in_the_data_not_the_url()
    {
        using var district = await Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.Http.GetAsync($"api/parks/{Foreign}/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.Http.GetAsync($"parks/{Foreign}")).StatusCode);
        Assert.DoesNotContain(Foreign, (await district.Http.GetFromJsonAsync<List<string>>("api/parks"))!);

        // The district moves p-b to Baiyun in the park database: the official sees it from then on.
        await using (var db = await ParkDb!.Factory.CreateDbContextAsync())
        {
            var park = await db.Parks.SingleAsync(p => p.Id == Foreign);
            park.DistrictId = "baiyun";
            await db.SaveChangesAsync();
        }
        await Poll.UntilAsync(() => district.Http.GetAsync($"api/parks/{Foreign}/devices"), r => r.StatusCode == HttpStatusCode.OK, Timeout, "p-b visible to Baiyun");
        Assert.Contains(Foreign, (await district.Http.GetFromJsonAsync<List<string>>("api/parks"))!);
        using var huadu = await Dashboard.SignInAsync(TestUser.DistrictHuadu);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync($"api/parks/{Foreign}/devices")).StatusCode);
    }

    [Fact]
    public async Task The_hub_lets_officials_join_only_the_parks_of_their_district_or_city()
    {
        foreach (var (user, allowed, refused) in new[]
        {
            (TestUser.DistrictBaiyun, new[] { Mine }, new[] { Foreign }),
            (TestUser.DistrictHuadu, [Foreign], [Mine]),
            (TestUser.CityGuangzhou, [Mine, Foreign], []),
            (TestUser.CityQingyuan, [], [Mine, Foreign]),
        })
        {
            using var client = await Dashboard.SignInAsync(user);
            await using var hub = client.Hub(LiveHub.Path);
            await hub.StartAsync();
            foreach (var park in allowed)
                Assert.Equal(park, (await hub.InvokeAsync<ParkSnapshot>("JoinPark", park)).Park);
            foreach (var park in refused)
                await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ParkSnapshot>("JoinPark", park));
        }
    }

    [Fact]
    public async Task Every_park_endpoint_refuses_a_visitor_who_has_not_signed_in()
    {
        var endpoints = ParkEndpoints();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var (variant, path, _) in Variants(PathFor(endpoint.Endpoint, Mine), Mine))
            {
                using var response = await SendAsync(anonymous, Dashboard.Url, endpoint.Method, path);
                // Sign in first: a redirect to the form for pages, 401 for scripts; 404 for a spelling routing does not take.
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.PathAndQuery.StartsWith("/signin", StringComparison.Ordinal) == true);
                if (!refused)
                    failures.Add($"{endpoint} {variant} {path}: a visitor got {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every supervision endpoint (park, district or city in its path), filled with Baiyun's park,
    /// district and city: Huangpu's official is refused on each, and on each the page or API of
    /// the city is refused to a district official; Baiyun's own official is served their district.
    /// </summary>
    [Fact]
    public async Task Every_supervision_endpoint_refuses_another_district()
    {
        var endpoints = Dashboard.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText!.Contains("supervision/", StringComparison.Ordinal) || e.RoutePattern.RawText.Contains("efficiency/", StringComparison.Ordinal)) && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ParkEndpoint(m, e)))
            .ToList();
        // Park: facts, status, page, three project methods; district and city: page and API each.
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} supervision endpoints found");
        using var other = await Dashboard.SignInAsync(TestUser.OtherDistrictOfficial);
        using var own = await Dashboard.SignInAsync(TestUser.DistrictOfficial);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = PathFor(endpoint.Endpoint, Mine);
            foreach (var (variant, spelled, _) in Variants(path, Mine).Where(v => v.MustRoute))
            {
                using var refused = await SendAsync(other.Http, Dashboard.Url, endpoint.Method, spelled);
                if (refused.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{endpoint} {variant} {spelled}: Huangpu's official got {(int)refused.StatusCode}, expected 403");
            }
            using var served = await SendAsync(own.Http, Dashboard.Url, endpoint.Method, path);
            var cityLevel = endpoint.Endpoint.RoutePattern.GetParameter("city") is not null;
            if (cityLevel ? served.StatusCode != HttpStatusCode.Forbidden : served.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                failures.Add($"{endpoint} {path}: Baiyun's official got {(int)served.StatusCode}{(cityLevel ? ", expected 403 for the city's view" : "")}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_hub_joins_only_parks_the_user_may_see()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub(LiveHub.Path);
        await hub.StartAsync();
        Assert.Equal(Mine, (await hub.InvokeAsync<ParkSnapshot>("JoinPark", Mine)).Park);
        foreach (var park in new[] { Foreign, "P-B", "p-b ", "P-A", "p-b/x", "%70-b", "" })
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ParkSnapshot>("JoinPark", park));
    }

    [Fact]
    public async Task Acks_and_alert_lists_check_the_park_of_the_alert_not_the_one_asked_for()
    {
        await MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Alert(Foreign, "b-alert"),
            JsonSerializer.SerializeToUtf8Bytes(AlertSamples.Document("b-alert") with { Park = Foreign }, ContractsJsonContext.Default.AlertDocument), retain: true);
        await MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Alert(Mine, "a-fire"),
            JsonSerializer.SerializeToUtf8Bytes(AlertSamples.Document("a-fire") with { Park = Mine, Bureau = false, Kind = "detector" }, ContractsJsonContext.Default.AlertDocument), retain: true);
        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        await Poll.UntilAsync(() => admin.Http.GetFromJsonAsync<List<JsonElement>>("api/alerts")!, a => a!.Count == 2, Timeout, "both alerts open");

        await using var acks = await MqttCollector.StartAsync(Broker.Port, [SmartParkTopics.AllAlertAcks]);
        // Another park's alert under the user's own park in the path: not found, nothing published.
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        Assert.Equal(HttpStatusCode.NotFound, await AckAsync(op, $"api/parks/{Mine}/alerts/b-alert/ack"));
        // A bureau officer of the park may not acknowledge a non-bureau alert of it.
        using var bureau = await Dashboard.SignInAsync(TestUser.BureauA);
        Assert.Equal(HttpStatusCode.NotFound, await AckAsync(bureau, $"api/parks/{Mine}/alerts/a-fire/ack"));
        // The alert lists take ?park= only as a filter within what the user may see.
        Assert.Empty((await op.Http.GetFromJsonAsync<List<JsonElement>>($"api/alerts?park={Foreign}"))!);
        Assert.Empty((await op.Http.GetFromJsonAsync<List<JsonElement>>($"api/alerts?park={Foreign.ToUpperInvariant()}"))!);
        // District and city officials follow the park's alerts but do not acknowledge them.
        using var district = await Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        Assert.Contains((await district.Http.GetFromJsonAsync<List<JsonElement>>("api/alerts"))!, a => a.GetProperty("alertId").GetString() == "a-fire");
        Assert.Equal(HttpStatusCode.Forbidden, await AckAsync(district, $"api/parks/{Mine}/alerts/a-fire/ack"));
        using var city = await Dashboard.SignInAsync(TestUser.CityGuangzhou);
        Assert.Equal(HttpStatusCode.Forbidden, await AckAsync(city, $"api/parks/{Mine}/alerts/a-fire/ack"));
        // Let an acceptable ack through and see it is the only one published.
        Assert.Equal(HttpStatusCode.Accepted, await AckAsync(op, $"api/parks/{Mine}/alerts/a-fire/ack"));
        var messages = await Poll.UntilAsync(() => Task.FromResult(acks.Messages), m => m.Count > 0, Timeout, "the ack on MQTT");
        Assert.Equal(SmartParkTopics.AlertAck(Mine, "a-fire"), Assert.Single(messages).Topic);
    }

    private static async Task<HttpStatusCode> AckAsync(SignedInClient client, string path)
    {
        var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { comment = "ok" }) };
        request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }
}
