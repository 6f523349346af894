using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// The supervision APIs through the real Dashboard with a seeded SQLite park database
/// (<see cref="SupervisionSeed"/>): projects created, edited and refused when stale, audited as
/// the user; the district and city figures; who may do what; where supervisors land.
/// </summary>
public sealed class SupervisionApiTests : DashboardOnItsOwnBroker
{
    private TestParkDatabase _parks = null!;

    protected override async Task<string[]> DashboardArgsAsync()
    {
        _parks = await TestParkDatabase.CreateSqliteAsync();
        await using var db = await _parks.Factory.CreateDbContextAsync();
        await SupervisionSeed.SeedAsync(db);
        return _parks.DashboardArgs;
    }

    protected override ValueTask CleanUpAsync() => _parks.DisposeAsync();

    private static async Task<HttpResponseMessage> SendAsync(SignedInClient client, HttpMethod method, string path, object body, bool token = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token)
        {
            var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
            request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        }
        return await client.Http.SendAsync(request);
    }

    private const string Projects = $"api/supervision/parks/{SupervisionSeed.OverduePark}/projects";

    [Fact]
    public async Task A_district_official_creates_and_edits_a_project_a_stale_edit_is_refused_and_every_change_is_audited()
    {
        using var official = await Dashboard.SignInAsync(TestUser.DistrictOfficial);
        var today = SupervisionSeed.Today;
        using var created = await SendAsync(official, HttpMethod.Post, Projects, new
        {
            nameZh = "二期改造",
            nameEn = "Phase two",
            kind = "upgrade",
            areaHectares = 4.5,
            plannedInvestment = 1200.0,
            plannedDates = new Dictionary<string, string> { ["approval"] = today.AddDays(10).ToString("yyyy-MM-dd") },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var stages = project.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["approval", "design", "construction", "acceptance", "operation"], stages.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM-dd"), stages[0].GetProperty("plannedDate").GetString());
        Assert.Equal("approval", project.GetProperty("currentStage").GetString());
        var id = project.GetProperty("id").GetInt64();
        var version = project.GetProperty("version").GetInt64();
        var approvalVersion = stages[0].GetProperty("version").GetInt64();

        // Approval done: the current stage moves on, the project's version rises.
        var edit = new
        {
            version,
            nameZh = "二期改造",
            areaHectares = 5.0,
            plannedInvestment = 1200.0,
            actualInvestment = 300.0,
            stages = new[] { new { kind = "approval", version = approvalVersion, plannedDate = today.AddDays(10).ToString("yyyy-MM-dd"), actualDate = today.ToString("yyyy-MM-dd"), note = "批复" } },
        };
        using var edited = await SendAsync(official, HttpMethod.Put, $"{Projects}/{id}", edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("design", after.GetProperty("currentStage").GetString());
        Assert.Equal(5.0, after.GetProperty("areaHectares").GetDouble());
        Assert.True(after.GetProperty("version").GetInt64() > version);

        // The same edit again carries the version read before: someone else's change is not overwritten.
        using var stale = await SendAsync(official, HttpMethod.Put, $"{Projects}/{id}", edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Without the anti-forgery header nothing is written.
        using var forged = await SendAsync(official, HttpMethod.Post, Projects, new { nameZh = "x", kind = "upgrade" }, token: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await using var db = await _parks.Factory.CreateDbContextAsync();
        var audit = await db.Audit.Where(a => a.Actor == TestUser.DistrictOfficial.Name).ToListAsync();
        Assert.Contains(audit, a => a.Key == $"project:{id}" && a.Action == "created");
        Assert.Contains(audit, a => a.Key == $"project:{id}" && a.Action == "updated");
        Assert.Contains(audit, a => a.Key == $"stage:{id}/approval" && a.Action == "updated" && a.ParkId == SupervisionSeed.OverduePark);
        Assert.Equal(2, await db.Projects.CountAsync(p => p.ParkId == SupervisionSeed.OverduePark));
    }

    [Fact]
    public async Task The_city_official_reads_but_does_not_edit_and_another_districts_official_sees_nothing()
    {
        using var city = await Dashboard.SignInAsync(TestUser.CityOfficial);
        var list = await city.Http.GetFromJsonAsync<List<JsonElement>>(Projects);
        var project = Assert.Single(list!);
        Assert.True(project.GetProperty("overdue").GetBoolean());
        using var refused = await SendAsync(city, HttpMethod.Post, Projects, new { nameZh = "x", kind = "upgrade" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var huangpu = await Dashboard.SignInAsync(TestUser.OtherDistrictOfficial);
        using var foreign = await huangpu.Http.GetAsync(Projects);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var foreignEdit = await SendAsync(huangpu, HttpMethod.Put, $"{Projects}/{project.GetProperty("id").GetInt64()}", new { version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, foreignEdit.StatusCode);
        // Its own park it edits; Baiyun's project id under Huangpu's park is not found there.
        using var crossed = await SendAsync(huangpu, HttpMethod.Put, $"api/supervision/parks/{SupervisionSeed.HuangpuPark}/projects/{project.GetProperty("id").GetInt64()}", new { version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        using var ownCity = await huangpu.Http.GetAsync("api/supervision/cities/guangzhou");
        Assert.Equal(HttpStatusCode.Forbidden, ownCity.StatusCode);
    }

    [Fact]
    public async Task The_district_view_sums_area_against_the_target_and_lists_the_overdue_project()
    {
        using var official = await Dashboard.SignInAsync(TestUser.DistrictOfficial);
        var view = await official.Http.GetFromJsonAsync<JsonElement>("api/supervision/districts/baiyun");
        var district = view.GetProperty("district");
        // Only the complete project counts: 12 ha of Baiyun's 14.98 km² target.
        Assert.Equal(12, district.GetProperty("area").GetProperty("renovatedHectares").GetDouble(), 6);
        Assert.Equal(14.98, district.GetProperty("area").GetProperty("targetKm2").GetDouble(), 6);
        Assert.Equal(0.12 / 14.98, district.GetProperty("area").GetProperty("share").GetDouble(), 6);
        Assert.Equal(3, district.GetProperty("parks").GetInt32());
        var overdue = Assert.Single(view.GetProperty("overdue").EnumerateArray());
        Assert.Equal(SupervisionSeed.OverdueProjectName, overdue.GetProperty("nameZh").GetString());
        Assert.Equal("design", overdue.GetProperty("stage").GetString());
        Assert.Equal(30, overdue.GetProperty("daysLate").GetInt32());
        var categories = district.GetProperty("byCategory").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString() ?? "none", c => c.GetProperty("parks").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["upgrade"] = 1, ["convert"] = 1, ["none"] = 1 }, categories);
        var stages = view.GetProperty("byStage").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("parks").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["design"] = 1, ["completed"] = 1, ["none"] = 1 }, stages);
        // Monitoring status for every park (nothing reports in this test: no device, no alert).
        Assert.All(view.GetProperty("parks").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("monitoring").GetProperty("devicesOnline").GetInt32()));

        using var city = await Dashboard.SignInAsync(TestUser.CityOfficial);
        var cityView = await city.Http.GetFromJsonAsync<JsonElement>("api/supervision/cities/guangzhou");
        Assert.Equal(17, cityView.GetProperty("area").GetProperty("renovatedHectares").GetDouble(), 6);
        var districts = cityView.GetProperty("districts").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.Equal(10, districts.Count);
        Assert.Equal(5, districts["huangpu"].GetProperty("area").GetProperty("renovatedHectares").GetDouble(), 6);
        Assert.Equal(4, cityView.GetProperty("parks").GetArrayLength());
    }

    [Fact]
    public async Task Supervisors_land_on_their_view_after_signing_in_and_operators_where_they_did()
    {
        async Task<string?> LandingAsync(TestUser user)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Dashboard.Url };
            var form = await http.GetStringAsync("signin");
            var fields = new Dictionary<string, string> { ["user"] = user.Name, ["password"] = user.Password, ["returnUrl"] = "/" };
            foreach (System.Text.RegularExpressions.Match hidden in System.Text.RegularExpressions.Regex.Matches(form, "name=\"([^\"]+)\" value=\"([^\"]+)\""))
                fields.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
            using var response = await http.PostAsync("signin", new FormUrlEncodedContent(fields));
            return response.Headers.Location?.OriginalString;
        }
        Assert.Equal("/supervision/districts/baiyun", await LandingAsync(TestUser.DistrictOfficial));
        Assert.Equal("/supervision/cities/guangzhou", await LandingAsync(TestUser.CityOfficial));
        Assert.Equal("/", await LandingAsync(TestUser.OperatorA));
    }
}
