using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SmartPark.Dashboard.Auth;
using SmartPark.IntegrationTests.Servers;
using SmartPark.ParkData;

namespace SmartPark.IntegrationTests.Dashboard.Supervision;

/// <summary>
/// The district sheet import and download through the real Dashboard on a real park database:
/// good sheets import and are audited as the official, a bad sheet imports nothing and lists
/// every bad row, XLSX and CSV both, the download imports back unchanged, and only the district's
/// own official (or an admin) may import. Written for any provider: a subclass says how the
/// Dashboard reaches a fresh database (<see cref="SqliteDistrictSheetApiTests"/>).
/// </summary>
public abstract class DistrictSheetApiTests : IAsyncLifetime
{
    private const string Import = "api/supervision/districts/baiyun/parks/import";
    private const long UploadLimit = 256 * 1024;

    private static readonly (string Name, string Role, string? District, string? City, string[] Parks)[] People =
    [
        ("admin", DashboardRoles.Admin, null, null, []),
        ("clerk-baiyun", DashboardRoles.District, "baiyun", null, []),
        ("clerk-tianhe", DashboardRoles.District, "tianhe", null, []),
        ("city-gz", DashboardRoles.City, null, "guangzhou", []),
        ("op-a", DashboardRoles.Operator, null, null, ["baiyun-shimen"]),
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("sheet-api-").FullName;
    private MosquittoServer _broker = null!;
    private DashboardHost _dashboard = null!;

    /// <summary>The park database settings for the Dashboard (<c>--ParkDatabase:…</c>), a fresh empty database.</summary>
    protected abstract Task<ParkDatabaseOptions> CreateDatabaseAsync(string directory);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    private ParkDatabaseOptions _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync(_directory);
        var users = Path.Combine(_directory, "users.json");
        File.WriteAllText(users, JsonSerializer.Serialize(new UsersFile
        {
            Users = [.. People.Select(p => new DashboardUser { Name = p.Name, Role = p.Role, District = p.District, City = p.City, Parks = p.Parks, PasswordHash = UserStore.Hash(p.Name + "-pw") })],
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        _broker = await MosquittoServer.StartAsync();
        _dashboard = await DashboardHost.StartAsync(_broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none",
            $"--ParkDatabase:Provider={_database.Provider}", $"--ParkDatabase:ConnectionString={_database.ConnectionString}",
            $"--Dashboard:UsersPath={users}", $"--Supervision:Import:MaxUploadBytes={UploadLimit}");
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
        await DropDatabaseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<SignedInClient> SignInAsync(string name) => SignedInClient.SignInAsync(_dashboard.Url, name, name + "-pw");

    private static (string Name, byte[] Content) Sample(string name) =>
        (name, File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "docs", "samples", "district-sheets", name)));

    private static (string, byte[])[] Samples() => [Sample("baiyun-parks.csv"), Sample("baiyun-enterprises.csv")];

    private static async Task<HttpResponseMessage> UploadAsync(SignedInClient client, string path, bool withToken, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
            form.Add(part, "sheets", name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (withToken)
        {
            var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
            request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        }
        return await client.Http.SendAsync(request);
    }

    private async Task<(int Parks, int Enterprises, int Audit)> CountsAsync()
    {
        await using var db = await ParkDatabase.Factory(_database).CreateDbContextAsync();
        return (await db.Parks.CountAsync(), await db.Enterprises.CountAsync(), await db.Audit.CountAsync());
    }

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static (int, int, int) Counts(JsonElement counts) =>
        (counts.GetProperty("created").GetInt32(), counts.GetProperty("updated").GetInt32(), counts.GetProperty("unchanged").GetInt32());

    [Fact]
    public async Task The_districts_official_checks_then_imports_the_csv_sheets_and_the_import_is_audited_as_them()
    {
        using var clerk = await SignInAsync("clerk-baiyun");
        var before = await CountsAsync();

        var dry = await ReportAsync(await UploadAsync(clerk, Import + "?dryRun=true", true, Samples()), HttpStatusCode.OK);
        Assert.Equal((8, 0, 0), Counts(dry.GetProperty("parks")));
        Assert.False(dry.GetProperty("imported").GetBoolean());
        Assert.Equal(before, await CountsAsync());

        var done = await ReportAsync(await UploadAsync(clerk, Import, true, Samples()), HttpStatusCode.OK);
        Assert.True(done.GetProperty("imported").GetBoolean());
        Assert.Equal(((8, 0, 0), (12, 0, 0)), (Counts(done.GetProperty("parks")), Counts(done.GetProperty("enterprises"))));
        await using var db = await ParkDatabase.Factory(_database).CreateDbContextAsync();
        Assert.Equal(8, await db.Parks.CountAsync(p => p.DistrictId == "baiyun"));
        var audit = await db.Audit.Where(a => a.Key.StartsWith("park:") || a.Key.StartsWith("enterprise:")).ToListAsync();
        Assert.Equal(20, audit.Count);
        Assert.All(audit, a => Assert.Equal("clerk-baiyun", a.Actor));
    }

    [Fact]
    public async Task A_bad_sheet_imports_nothing_and_every_bad_row_is_listed_by_number()
    {
        using var clerk = await SignInAsync("clerk-baiyun");
        var text = Encoding.UTF8.GetString(Sample("baiyun-parks.csv").Content);
        var lines = text.Split('\n').ToList();
        // Rows 4, 6 and 9 as the spreadsheet numbers them (title row 1, headers row 2).
        lines[3] = lines[3].Replace("淘汰关停", "拆掉", StringComparison.Ordinal);
        lines[5] = lines[5].Replace(",132,", ",一百三十二,", StringComparison.Ordinal);
        lines[8] = lines[8].Replace("baiyun-yongping-dz", "baiyun-shimen", StringComparison.Ordinal);
        var before = await CountsAsync();

        var report = await ReportAsync(await UploadAsync(clerk, Import, true, ("baiyun-parks.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines))), Sample("baiyun-enterprises.csv")), HttpStatusCode.UnprocessableEntity);

        Assert.False(report.GetProperty("imported").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("sheet").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("code").GetString())).ToList();
        Assert.Contains(("baiyun-parks.csv", 4, "unknown_value"), problems);
        Assert.Contains(("baiyun-parks.csv", 6, "not_a_number"), problems);
        Assert.Contains(("baiyun-parks.csv", 9, "duplicate_id"), problems);
        // The enterprises of the park whose row was refused now have no park: also listed.
        Assert.Contains(("baiyun-enterprises.csv", 12, "unknown_park"), problems);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_and_the_downloads_in_both_formats_import_back_unchanged()
    {
        using var clerk = await SignInAsync("clerk-baiyun");
        var workbook = new Dictionary<string, object>
        {
            ["园区"] = new[] { new Dictionary<string, object?> { ["园区编号"] = "by-one", ["园区名称"] = "一号园", ["占地面积(亩)"] = 45.0, ["主导产业"] = "印刷", ["分类"] = "改造提升", ["决定日期"] = new DateTime(2022, 6, 30) } },
            ["企业"] = new[] { new Dictionary<string, object?> { ["园区编号"] = "by-one", ["企业编号"] = "e-one", ["企业名称"] = "一号厂", ["统一社会信用代码"] = "91440111BFF9D7E06B", ["行业"] = "印刷" } },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        var imported = await ReportAsync(await UploadAsync(clerk, Import, true, ("台账.xlsx", stream.ToArray())), HttpStatusCode.OK);
        Assert.Equal(((1, 0, 0), (1, 0, 0)), (Counts(imported.GetProperty("parks")), Counts(imported.GetProperty("enterprises"))));

        using var xlsx = await clerk.Http.GetAsync("api/supervision/districts/baiyun/parks.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var back = await ReportAsync(await UploadAsync(clerk, Import + "?dryRun=true", true, ("baiyun-parks.xlsx", await xlsx.Content.ReadAsByteArrayAsync())), HttpStatusCode.OK);
        Assert.Equal(((0, 0, 1), (0, 0, 1)), (Counts(back.GetProperty("parks")), Counts(back.GetProperty("enterprises"))));

        var parksCsv = await clerk.Http.GetByteArrayAsync("api/supervision/districts/baiyun/parks.csv");
        var enterprisesCsv = await clerk.Http.GetByteArrayAsync("api/supervision/districts/baiyun/enterprises.csv");
        Assert.StartsWith("\uFEFF园区编号,园区名称", Encoding.UTF8.GetString(parksCsv), StringComparison.Ordinal);
        Assert.Contains("3,", Encoding.UTF8.GetString(parksCsv), StringComparison.Ordinal); // 45 亩 exported as 3 公顷
        var csvBack = await ReportAsync(await UploadAsync(clerk, Import + "?dryRun=true", true, ("parks.csv", parksCsv), ("enterprises.csv", enterprisesCsv)), HttpStatusCode.OK);
        Assert.Equal(((0, 0, 1), (0, 0, 1)), (Counts(csvBack.GetProperty("parks")), Counts(csvBack.GetProperty("enterprises"))));
    }

    [Fact]
    public async Task Only_the_districts_own_official_or_an_admin_may_import_and_only_supervisors_of_it_download()
    {
        using var other = await SignInAsync("clerk-tianhe");
        using var city = await SignInAsync("city-gz");
        using var op = await SignInAsync("op-a");
        using var admin = await SignInAsync("admin");
        using var clerk = await SignInAsync("clerk-baiyun");
        var before = await CountsAsync();

        foreach (var refused in new[] { other, city, op })
        {
            using var response = await UploadAsync(refused, Import, true, Samples());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        foreach (var refused in new[] { other, op })
        {
            foreach (var file in new[] { "parks.xlsx", "parks.csv", "enterprises.csv" })
            {
                using var response = await refused.Http.GetAsync($"api/supervision/districts/baiyun/{file}");
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _dashboard.Url })
        {
            using var response = await anonymous.PostAsync(Import, new StringContent("x"));
            // Sign in first: 401 for a script, or the redirect to the form.
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("signin", StringComparison.Ordinal) == true),
                $"a visitor got {(int)response.StatusCode}");
        }
        // The district's own official, without the anti-forgery token, and with too large an upload.
        using (var noToken = await UploadAsync(clerk, Import, false, Samples()))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using (var tooLarge = await UploadAsync(clerk, Import, true, ("big.csv", new byte[UploadLimit + 1])))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await CountsAsync());

        // The city official reads every district of the city; the districts offered for import are only one's own.
        using (var download = await city.Http.GetAsync("api/supervision/districts/baiyun/parks.csv"))
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(["baiyun"], (await clerk.Http.GetFromJsonAsync<JsonElement[]>("api/supervision/import/districts"))!.Select(d => d.GetProperty("id").GetString()));
        Assert.Empty((await city.Http.GetFromJsonAsync<JsonElement[]>("api/supervision/import/districts"))!);
        Assert.True((await admin.Http.GetFromJsonAsync<JsonElement[]>("api/supervision/import/districts"))!.Length >= 18);
        var asAdmin = await ReportAsync(await UploadAsync(admin, "api/supervision/districts/tianhe/parks/import?dryRun=true", true,
            ("tianhe.csv", Encoding.UTF8.GetBytes("园区编号,园区名称,占地面积(公顷),主导产业\nth-one,天河一园,3,软件\n"))), HttpStatusCode.OK);
        Assert.Equal((1, 0, 0), Counts(asAdmin.GetProperty("parks")));
    }
}

public sealed class SqliteDistrictSheetApiTests : DistrictSheetApiTests
{
    protected override Task<ParkDatabaseOptions> CreateDatabaseAsync(string directory) =>
        Task.FromResult(new ParkDatabaseOptions { Provider = ParkDatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory, "parks.db")}" });
}
