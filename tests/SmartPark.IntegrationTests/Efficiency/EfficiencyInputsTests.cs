using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// The efficiency evaluation's inputs over the real Dashboard on each park database provider:
/// economic figures (who reads and who writes, validation, 409 with who changed them, the audit
/// trail), the district sheet import (a bad sheet changes nothing and lists every bad row; a good
/// one applies every row in one audited save), supervision agreements and meter replacements.
/// </summary>
public sealed class EfficiencyInputsTests
{
    private const int Year = 2025;
    private const string Economics = "api/efficiency/parks/p-a/enterprises/e1/economics/2025";
    private const string Agreement = "api/efficiency/parks/p-a/enterprises/e1/agreement";
    private const string Replacements = "api/efficiency/parks/p-a/devices/meter-a/meter-replacements";
    private const string Import = "api/efficiency/districts/baiyun/economics/2025/import";

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonObject Row(JsonObject list, string park, string enterprise) =>
        list["enterprises"]!.AsArray().Single(e => e!["parkId"]!.GetValue<string>() == park && e["enterpriseId"]!.GetValue<string>() == enterprise)!.AsObject();

    private static List<(string Field, string Code)> Errors(JsonObject body) =>
        [.. body["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>()))];

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_district_enters_figures_the_city_and_the_parks_operator_read_them_and_nobody_else_sees_them(string provider)
    {
        await using var stack = await EfficiencyInputsSeed.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        var list = (await baiyun.Http.GetFromJsonAsync<JsonObject>($"api/efficiency/districts/baiyun/economics/{Year}"))!;
        Assert.True(list["canEdit"]!.GetValue<bool>());
        var e1 = Row(list, "p-a", "e1");
        Assert.False(e1["entered"]!.GetValue<bool>());
        Assert.Equal(15, e1["landAreaMu"]!.GetValue<double>(), 3);
        Assert.Equal(EfficiencyInputsSeed.CodeA1, e1["creditCode"]!.GetValue<string>());
        Assert.Equal("家具", e1["industry"]!.GetValue<string>());
        Assert.DoesNotContain(list["enterprises"]!.AsArray(), e => e!["parkId"]!.GetValue<string>() == "p-b");

        var saved = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Economics,
            new { outputValue = 1200.5, valueAdded = 300, revenue = 1100, taxPaid = 80.25, employees = 45, rdSpending = 30, standing = "new", version = (long?)null }), HttpStatusCode.OK);
        Assert.True(saved["entered"]!.GetValue<bool>());
        Assert.Equal("web", saved["source"]!.GetValue<string>());

        // The city reads, and may not write.
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        var cityList = await ExpectAsync(await city.Http.GetAsync($"api/efficiency/districts/baiyun/economics/{Year}"), HttpStatusCode.OK);
        Assert.False(cityList["canEdit"]!.GetValue<bool>());
        Assert.Equal(80.25, Row(cityList, "p-a", "e1")["taxPaid"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 1, version = saved["version"]!.GetValue<long>() })).StatusCode);

        // The park's operator reads its own park's rows, writes none, and sees no other park.
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        var own = await ExpectAsync(await op.Http.GetAsync($"api/efficiency/parks/p-a/economics/{Year}"), HttpStatusCode.OK);
        Assert.False(own["canEdit"]!.GetValue<bool>());
        Assert.Equal(45, Row(own, "p-a", "e1")["employees"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync($"api/efficiency/parks/p-b/economics/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync($"api/efficiency/districts/baiyun/economics/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 1, version = 1 })).StatusCode);
        // The environment bureau sees the park's emissions, not its tax figures.
        using var bureau = await stack.Dashboard.SignInAsync(TestUser.BureauA);
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.Http.GetAsync($"api/efficiency/parks/p-a/economics/{Year}")).StatusCode);

        // Another district's official: refused for the district, the park and the write.
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync($"api/efficiency/districts/baiyun/economics/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync($"api/efficiency/parks/p-a/economics/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 1, version = 1 })).StatusCode);
        var huaduDistricts = (await huadu.Http.GetFromJsonAsync<JsonArray>("api/efficiency/districts"))!;
        Assert.Equal(["huadu"], huaduDistricts.Select(d => d!["id"]!.GetValue<string>()));

        // Every write is in the audit trail under the official's name, and nothing else changed the row.
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        var audit = await db.Audit.Where(a => a.Key == "economics:p-a/e1/2025").ToListAsync();
        Assert.Equal("district-baiyun", Assert.Single(audit).Actor);
        var stored = await db.Economics.SingleAsync();
        Assert.Equal((1200.5, 45, "new"), (stored.OutputValue!.Value, stored.Employees!.Value, stored.Standing));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Invalid_figures_are_refused_field_by_field_and_a_stale_save_gets_409_with_who_changed_them(string provider)
    {
        await using var stack = await EfficiencyInputsSeed.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);

        var refused = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Economics,
            new { outputValue = -1, taxPaid = 1e11, employees = 12.5, standing = "ranked", version = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal([("outputValue", "negative"), ("taxPaid", "range"), ("employees", "integer"), ("standing", "vocabulary")], Errors(refused));
        var nextYear = DateTime.UtcNow.Year + 2;
        Assert.Equal(HttpStatusCode.BadRequest, (await baiyun.SendJsonAsync(HttpMethod.Put, $"api/efficiency/parks/p-a/enterprises/e1/economics/{nextYear}", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await baiyun.SendJsonAsync(HttpMethod.Put, "api/efficiency/parks/p-a/enterprises/e1/economics/1990", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await baiyun.SendJsonAsync(HttpMethod.Put, "api/efficiency/parks/p-a/enterprises/nobody/economics/2025", new { version = 0 })).StatusCode);
        // Without the anti-forgery token nothing is written.
        using (var noToken = await baiyun.Http.PutAsJsonAsync(Economics, new { taxPaid = 5, version = 0 }))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        // Both load the not-yet-entered row (no version); the first save wins, the second is told.
        var first = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 10, version = (long?)null }), HttpStatusCode.OK);
        var conflict = await ExpectAsync(await admin.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 99, version = (long?)null }), HttpStatusCode.Conflict);
        Assert.Equal(10, conflict["current"]!["taxPaid"]!.GetValue<double>());
        Assert.Equal("district-baiyun", conflict["changedBy"]!["actor"]!.GetValue<string>());
        // An update over an old version is refused too; over the current one it goes in.
        var second = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 11, version = first["version"]!.GetValue<long>() }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 99, version = first["version"]!.GetValue<long>() })).StatusCode);
        var reapplied = await ExpectAsync(await admin.SendJsonAsync(HttpMethod.Put, Economics, new { taxPaid = 99, version = second["version"]!.GetValue<long>() }), HttpStatusCode.OK);
        Assert.Equal(99, reapplied["taxPaid"]!.GetValue<double>());

        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Equal(["admin", "district-baiyun", "district-baiyun"], (await db.Audit.Where(a => a.Key == "economics:p-a/e1/2025").Select(a => a.Actor).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_sheet_with_any_bad_row_changes_nothing_and_names_each_row_column_and_reason_and_a_good_one_applies_all(string provider)
    {
        await using var stack = await EfficiencyInputsSeed.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        var bad = string.Join("\n",
            "白云区2025年亩均效益评价数据",
            "统一社会信用代码,园区编号,企业编号,工业总产值(万元),实缴税金(万元),年平均职工人数,评价类别,备注",
            $"{EfficiencyInputsSeed.CodeA1},,,1000,50,20,参评,ok",
            "91440111MA5CUQ9X99,,,1,1,1,,unknown code",
            ",p-b,e1,1,1,1,,huadu's enterprise",
            ",p-a,e2,-5,1,1,,negative",
            ",p-a,e2,1,lots,1,,not a number",
            $"{EfficiencyInputsSeed.CodeA1},,,1,1,1,,duplicate",
            $"{EfficiencyInputsSeed.CodeA2},,,1,1,2.5,上市,fraction and unknown standing");
        var report = await ExpectAsync(await UploadAsync(baiyun, Import, "baiyun-2025.csv", Encoding.UTF8.GetBytes(bad)), HttpStatusCode.UnprocessableEntity);
        Assert.False(report["imported"]!.GetValue<bool>());
        Assert.Equal(["备注"], report["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var problems = report["problems"]!.AsArray().Select(p => (p!["row"]!.GetValue<int>(), p["column"]?.GetValue<string>(), p["code"]!.GetValue<string>())).ToList();
        Assert.Equal(
        [
            (4, "统一社会信用代码", "unknown_enterprise"),
            (5, "企业编号", "other_district"),
            (6, "工业总产值(万元)", "negative"),
            (7, "实缴税金(万元)", "not_a_number"),
            (8, null, "duplicate_row"),
            (9, "年平均职工人数", "not_an_integer"),
            (9, "评价类别", "unknown_standing"),
        ], problems);
        Assert.All(report["problems"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p!["message"]!.GetValue<string>())));
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            Assert.Equal(0, await db.Economics.CountAsync());

        // Another district's official may not import into Baiyun, whatever the sheet.
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(huadu, Import, "x.csv", Encoding.UTF8.GetBytes(bad))).StatusCode);

        // A good workbook with English headers, one enterprise by credit code and one by ids.
        var good = Xlsx(
            new Dictionary<string, object?> { ["creditCode"] = EfficiencyInputsSeed.CodeA1, ["park"] = null, ["enterprise"] = null, ["outputValue"] = 1000.0, ["taxPaid"] = 50.0, ["employees"] = 20, ["standing"] = "graded" },
            new Dictionary<string, object?> { ["creditCode"] = null, ["park"] = "p-a", ["enterprise"] = "e2", ["outputValue"] = 2000.0, ["taxPaid"] = 120.0, ["employees"] = 35, ["standing"] = "豁免" });
        var dry = await ExpectAsync(await UploadAsync(baiyun, Import + "?dryRun=true", "baiyun-2025.xlsx", good), HttpStatusCode.OK);
        Assert.Equal((2, false), (dry["created"]!.GetValue<int>(), dry["imported"]!.GetValue<bool>()));
        var done = await ExpectAsync(await UploadAsync(baiyun, Import, "baiyun-2025.xlsx", good), HttpStatusCode.OK);
        Assert.Equal((2, 0, true), (done["created"]!.GetValue<int>(), done["updated"]!.GetValue<int>(), done["imported"]!.GetValue<bool>()));
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            var rows = await db.Economics.OrderBy(e => e.EnterpriseId).ToListAsync();
            Assert.Equal([("e1", 50.0, "graded"), ("e2", 120.0, "exempt")], rows.Select(r => (r.EnterpriseId, r.TaxPaid!.Value, r.Standing)));
            Assert.All(rows, r => Assert.Equal("baiyun-2025.xlsx", r.Source));
            var audit = await db.Audit.Where(a => a.Key.StartsWith("economics:")).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Equal("district-baiyun", a.Actor));
        }

        // The template lists the district's enterprises with what is stored, under the headers the import reads.
        var csv = await baiyun.Http.GetStringAsync("api/efficiency/districts/baiyun/economics/2025/template.csv");
        Assert.Contains("统一社会信用代码,园区编号,企业编号,企业名称,用地面积(亩)", csv, StringComparison.Ordinal);
        Assert.Contains($"{EfficiencyInputsSeed.CodeA2},p-a,e2,企业二,30,2000,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(EfficiencyInputsSeed.CodeHuadu, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync("api/efficiency/districts/baiyun/economics/2025/template.xlsx")).StatusCode);
        // Imported back unchanged, the template changes nothing.
        var xlsx = await baiyun.Http.GetByteArrayAsync("api/efficiency/districts/baiyun/economics/2025/template.xlsx");
        var again = await ExpectAsync(await UploadAsync(baiyun, Import, "template.xlsx", xlsx), HttpStatusCode.OK);
        Assert.Equal((0, 0, 4), (again["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>()));
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            Assert.Equal(2, await db.Economics.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task An_agreement_is_filed_by_the_district_read_by_the_operator_and_guarded_like_the_figures(string provider)
    {
        await using var stack = await EfficiencyInputsSeed.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        var empty = await ExpectAsync(await baiyun.Http.GetAsync(Agreement), HttpStatusCode.OK);
        Assert.Equal((false, true), (empty["filed"]!.GetValue<bool>(), empty["canEdit"]!.GetValue<bool>()));

        var refused = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Agreement, new { investmentMade = -1, signedOn = "2999-01-01", version = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal([("signedOn", "range"), ("investmentMade", "negative")], Errors(refused));
        var filed = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Agreement,
            new { reference = "白工信监〔2023〕12号", signedOn = "2023-03-01", investmentMade = 4500, investmentIntensityTarget = 300, outputPerMuTarget = 500, taxPerMuTarget = 30, energyPerOutputTarget = 0.05, version = (long?)null }), HttpStatusCode.OK);

        var seen = await ExpectAsync(await op.Http.GetAsync(Agreement), HttpStatusCode.OK);
        Assert.Equal(("白工信监〔2023〕12号", false), (seen["reference"]!.GetValue<string>(), seen["canEdit"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Put, Agreement, new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync(Agreement)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Put, Agreement, new { version = 1 })).StatusCode);

        var stale = await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Agreement, new { taxPerMuTarget = 40, version = (long?)null }), HttpStatusCode.Conflict);
        Assert.Equal(30, stale["current"]!["taxPerMuTarget"]!.GetValue<double>());
        Assert.Equal("district-baiyun", stale["changedBy"]!["actor"]!.GetValue<string>());
        await ExpectAsync(await baiyun.SendJsonAsync(HttpMethod.Put, Agreement, new { taxPerMuTarget = 40, version = filed["version"]!.GetValue<long>() }), HttpStatusCode.OK);
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Audit.CountAsync(a => a.Key == "agreement:p-a/e1"));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_meter_replacement_is_recorded_for_a_counter_the_sensor_reports_changes_the_registry_and_can_be_deleted(string provider)
    {
        await using var stack = await EfficiencyInputsSeed.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        var meters = await ExpectAsync(await op.Http.GetAsync("api/efficiency/parks/p-a/meters"), HttpStatusCode.OK);
        Assert.True(meters["canRecord"]!.GetValue<bool>());
        var sensor = meters["meters"]!.AsArray().Single()!["sensors"]!.AsArray().Single()!;
        Assert.Equal(["energy"], sensor["quantities"]!.AsArray().Select(q => q!.GetValue<string>()));

        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var refused = await ExpectAsync(await op.SendJsonAsync(HttpMethod.Post, Replacements,
            new { sensorId = "m1", quantity = "power", replacedAt = DateTimeOffset.UtcNow.AddDays(1), oldFinalReading = -1, newInitialReading = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal([("quantity", "not_counter"), ("replacedAt", "future"), ("oldFinalReading", "negative")], Errors(refused));
        var otherSensor = await ExpectAsync(await op.SendJsonAsync(HttpMethod.Post, Replacements,
            new { sensorId = "m9", quantity = "water_volume", replacedAt = at, oldFinalReading = 1, newInitialReading = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal([("sensorId", "unknown_sensor")], Errors(otherSensor));
        var notReported = await ExpectAsync(await op.SendJsonAsync(HttpMethod.Post, Replacements,
            new { sensorId = "m1", quantity = "water_volume", replacedAt = at, oldFinalReading = 1, newInitialReading = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal([("quantity", "not_reported")], Errors(notReported));
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Post, Replacements, new { sensorId = "m1", quantity = "energy", replacedAt = at, oldFinalReading = 1, newInitialReading = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Post, Replacements, new { sensorId = "m1", quantity = "energy", replacedAt = at, oldFinalReading = 1, newInitialReading = 0 })).StatusCode);

        long revisionBefore;
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            revisionBefore = (await db.RegistryRevisions.SingleAsync()).Number;
        var recorded = await ExpectAsync(await op.SendJsonAsync(HttpMethod.Post, Replacements,
            new { sensorId = "m1", quantity = "energy", replacedAt = at, oldFinalReading = 123456.7, newInitialReading = 0.3, note = "换表" }), HttpStatusCode.Created);
        var id = recorded["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.BadRequest, (await baiyun.SendJsonAsync(HttpMethod.Post, Replacements,
            new { sensorId = "m1", quantity = "energy", replacedAt = at, oldFinalReading = 123456.7, newInitialReading = 0.3 })).StatusCode);
        var list = (await city.Http.GetFromJsonAsync<JsonArray>(Replacements))!;
        Assert.Equal((123456.7, "换表"), (list.Single()!["oldFinalReading"]!.GetValue<double>(), list.Single()!["note"]!.GetValue<string>()));
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            Assert.True((await db.RegistryRevisions.SingleAsync()).Number > revisionBefore, "recording a replacement changes the registry");
            var row = await db.MeterReplacements.SingleAsync();
            Assert.Equal(at.UtcDateTime, DateTime.SpecifyKind(row.ReplacedAt, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));
            Assert.Equal("op-a", (await db.Audit.SingleAsync(a => a.Key == row.AuditKey)).Actor);
        }

        // A wrong one is deleted by the district; an id under another device is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await baiyun.SendJsonAsync(HttpMethod.Delete, $"api/efficiency/parks/p-a/devices/other/meter-replacements/{id}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Delete, $"{Replacements}/{id}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await baiyun.SendJsonAsync(HttpMethod.Delete, $"{Replacements}/{id}", new { })).StatusCode);
        Assert.Empty((await op.Http.GetFromJsonAsync<JsonArray>(Replacements))!);
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            Assert.Contains(await db.Audit.Where(a => a.Key.StartsWith("meter-replacement:")).Select(a => a.Actor).ToListAsync(), a => a == "district-baiyun");
    }

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(SignedInClient client, string path, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(part, "sheet", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
        request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        return await client.Http.SendAsync(request);
    }
}
