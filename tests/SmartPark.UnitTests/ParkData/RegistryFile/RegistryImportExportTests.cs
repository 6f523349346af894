using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.RegistryFile;
using static SmartPark.UnitTests.ParkData.RegistryFile.SupervisionRegistryYaml;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>Registry YAML into the park database and back, on a real SQLite file.</summary>
public sealed class RegistryImportExportTests : IAsyncLifetime
{
    private SqliteParkDatabase _database = null!;

    private static string DemoRegistry => Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.registry.yaml");

    public async Task InitializeAsync() => _database = await SqliteParkDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<RegistryImportResult> ImportAsync(string yaml, string fileName = "parks.yaml") =>
        new RegistryImporter(_database.Factory).ImportAsync(new StringReader(yaml), fileName);

    private async Task<string> ExportAsync()
    {
        var text = new StringWriter();
        await new RegistryExporter(_database.Factory).ExportAsync(text);
        return text.ToString();
    }

    [Fact]
    public async Task The_demo_registry_imported_and_exported_loads_as_the_same_registry()
    {
        var result = await new RegistryImporter(_database.Factory).ImportFileAsync(DemoRegistry);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var exported = await ExportAsync();

        var original = RegistryLoader.Load(DemoRegistry);
        var reloaded = RegistryLoader.Parse(exported, "export");
        Assert.Equal(RegistrySnapshot.Of(original), RegistrySnapshot.Of(reloaded));
        Assert.StartsWith("# SmartPark registry exported from the park database", exported);
    }

    [Fact]
    public async Task Every_supervision_field_survives_import_export_and_import_into_another_database()
    {
        var first = await ImportAsync(Full);
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        var exported = await ExportAsync();

        await using var other = await SqliteParkDatabase.CreateAsync();
        var second = await new RegistryImporter(other.Factory).ImportAsync(new StringReader(exported), "export.yaml");
        Assert.True(second.Succeeded, string.Join("\n", second.Errors));

        var snapshot = await RegistrySnapshot.OfDatabaseAsync(_database.Factory);
        Assert.Equal(snapshot, await RegistrySnapshot.OfDatabaseAsync(other.Factory));
        // The values themselves, not only their agreement: a field the import dropped would agree too.
        foreach (var value in new[]
                 {
                     "\"Township\": \"钟落潭镇\"", "\"Latitude\": 23.3912", "\"LandOwnership\": \"state_used_by_collective\"", "\"InSanjiuMap\": true",
                     "\"Category\": \"upgrade\"", "\"Batch\": 2", "\"DecisionDate\": \"2025-03-18\"", $"\"CreditCode\": \"{HuaxinCode}\"",
                     "\"LandAreaM2\": 8000", "\"ContactPhone\": \"13800000000\"", "\"DischargePermitExpiry\": \"2027-06-30\"",
                     "\"ActualInvestment\": 4500.5", "\"Kind\": \"site_cleared\"", "\"HjVersion\": 2025", "\"Ack\": false", "\"DistrictId\": \"qingcheng\"",
                 })
        {
            Assert.Contains(value, System.Text.RegularExpressions.Regex.Unescape(snapshot));
        }
        // The exported file is what the runtime loads too, and two exports of the same data are the same text.
        Assert.Equal(2, RegistryLoader.Parse(exported).Parks.Count);
        Assert.Equal(exported, await ExportAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_writes_no_audit_entry()
    {
        var first = await ImportAsync(Full, "district.yaml");
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.True(first.Created > 10, $"created {first.Created}");
        long revision;
        int audits;
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            revision = (await db.RegistryRevisions.SingleAsync()).Number;
            // Everything but the seeded districts (audited as system) came from the file.
            audits = await db.Audit.CountAsync();
            Assert.All(await db.Audit.Where(a => a.Entity != "Jurisdiction").ToListAsync(), a => Assert.Equal("import:district.yaml", a.Actor));
        }

        var again = await ImportAsync(Full, "district.yaml");

        Assert.Equal((true, 0, 0, 0), (again.Succeeded, again.Created, again.Updated, again.Deleted));
        await using var check = await _database.Factory.CreateDbContextAsync();
        Assert.Equal(audits, await check.Audit.CountAsync());
        Assert.Equal(revision, (await check.RegistryRevisions.SingleAsync()).Number);
    }

    [Fact]
    public async Task The_file_is_the_whole_truth_for_the_parks_it_lists_and_leaves_the_others_alone()
    {
        Assert.True((await ImportAsync(Full)).Succeeded);
        // p-full again, without its eliminate project, its construction stage, its monitoring point and
        // meter sensor, and with a second enterprise that takes over the device; p-plain not listed.
        var changed = Full[..Full.IndexOf("  - id: p-plain", StringComparison.Ordinal)]
            .Replace("""
                      - name: 东区关停
                        kind: eliminate
                        areaHectares: 2.1
                        stages:
                          - { kind: closure_decision, planned: 2025-05-01, actual: 2025-05-01 }
                          - { kind: site_cleared, planned: 2026-12-31 }

                """.Replace("\r", ""), "", StringComparison.Ordinal)
            .Replace("          - { kind: construction, planned: 2026-06-30 }\n", "", StringComparison.Ordinal)
            .Replace("              - { id: meter-1, quantities: [power, energy] }\n", "", StringComparison.Ordinal);
        changed = changed[..changed.IndexOf("        monitoringPoints:", StringComparison.Ordinal)];
        changed = changed.Replace("      - id: e1\n", "      - id: e0\n", StringComparison.Ordinal).Replace($"creditCode: {HuaxinCode}", "creditCode: " + CreditCode("91440111MA59AB1C3"), StringComparison.Ordinal);

        var result = await ImportAsync(changed, "shimen.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.Equal(["p-full/e0", "p-plain/e1"], (await db.Enterprises.OrderBy(e => e.ParkId).ThenBy(e => e.Id).ToListAsync()).Select(e => $"{e.ParkId}/{e.Id}"));
        var device = await db.Devices.SingleAsync(d => d.Id == "d-full-1");
        Assert.Equal(("e0", """[{"id":"voc-1","quantities":["nmhc"]}]"""), (device.EnterpriseId, device.SensorsJson));
        Assert.Empty(await db.MonitoringPoints.ToListAsync());
        var project = await db.Projects.Include(p => p.Stages).SingleAsync();
        Assert.Equal(["approval", "design"], project.Stages.OrderBy(s => s.Order).Select(s => s.Kind));
        Assert.True(await db.Devices.AnyAsync(d => d.Id == "d-plain-1"));
        Assert.Equal(0, (await db.Parks.SingleAsync(p => p.Id == "p-plain")).Version);
        var deleted = await db.Audit.Where(a => a.Actor == "import:shimen.yaml" && a.Action == "deleted").Select(a => a.Key).ToListAsync();
        Assert.Contains("enterprise:p-full/e1", deleted);
        Assert.Contains("point:4401110001000000000E0001", deleted);
        Assert.Contains("stage:" + project.Id + "/construction", deleted);
    }

    [Fact]
    public async Task A_bad_file_reports_every_problem_with_its_line_and_imports_nothing()
    {
        var wrongCode = HuaxinCode[..17] + (HuaxinCode[17] == '0' ? '1' : '0');
        var bad = Full
            .Replace("district: qingcheng", "district: Atlantis", StringComparison.Ordinal)
            .Replace($"creditCode: {HuaxinCode}", $"creditCode: {wrongCode}", StringComparison.Ordinal)
            .Replace("- { kind: site_cleared, planned: 2026-12-31 }", "- { kind: operation, planned: 2026-12-31 }", StringComparison.Ordinal)
            .Replace("          - id: d-plain-1\n            credential: " + Hash, "          - id: d-full-1\n            credential: hunter2", StringComparison.Ordinal);

        var result = await ImportAsync(bad);

        Assert.False(result.Succeeded);
        var expected = new (int Line, string Text)[]
        {
            (LineOf(bad, $"creditCode: {wrongCode}"), "check character"),
            (LineOf(bad, "kind: operation"), "stage 'operation' is not a stage of a project of kind 'eliminate'"),
            (LineOf(bad, "district: Atlantis"), "district 'Atlantis' is not one the database knows"),
            (LineOf(bad, "credential: hunter2") - 1, "device 'd-full-1' is already registered on line " + LineOf(bad, "- id: d-full-1")),
            (LineOf(bad, "credential: hunter2"), "looks like a password in clear"),
        };
        foreach (var (line, text) in expected)
            Assert.Contains(result.Errors, e => e.Line == line && e.Message.Contains(text, StringComparison.Ordinal));
        Assert.Equal(expected.Length, result.Errors.Count);
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.Parks.ToListAsync());
        Assert.Empty(await db.Audit.Where(a => a.Actor != "system").ToListAsync());
    }

    [Fact]
    public async Task A_device_that_a_park_not_in_the_file_holds_is_refused_with_its_line()
    {
        Assert.True((await ImportAsync(Full)).Succeeded);
        // Another file, for another park, that registers p-plain's device again.
        var other = Full[Full.IndexOf("  - id: p-plain", StringComparison.Ordinal)..]
            .Replace("id: p-plain", "id: p-other", StringComparison.Ordinal);
        other = "parks:\n" + other;

        var result = await ImportAsync(other);

        var error = Assert.Single(result.Errors);
        Assert.Equal(LineOf(other, "- id: d-plain-1"), error.Line);
        Assert.Contains("already registered in park 'p-plain'", error.Message, StringComparison.Ordinal);
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.False(await db.Parks.AnyAsync(p => p.Id == "p-other"));
    }

    [Theory]
    [InlineData("Baiyun", "baiyun")]
    [InlineData("BAIYUN", "baiyun")]
    [InlineData("baiyun", "baiyun")]
    [InlineData("白云区", "baiyun")]
    [InlineData("白云", "baiyun")]
    [InlineData("Qingcheng", "qingcheng")]
    public async Task The_district_is_found_by_id_or_english_or_chinese_name_in_any_case(string district, string id)
    {
        var result = await ImportAsync(Registry.RegistryYaml.Valid.Replace("district: Baiyun", "district: " + district, StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.Equal(id, (await db.Parks.SingleAsync()).DistrictId);
    }

    [Fact]
    public async Task The_registries_the_tests_use_import_unchanged()
    {
        using var file = new TestSupport.RegistryFile();
        foreach (var yaml in new[] { Registry.RegistryYaml.Valid, file.Yaml(new SmartPark.Contracts.Topics.DeviceAddress("p-test", "e-test", "d-test")) })
        {
            var result = await ImportAsync(yaml);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.Equal(["p-test", "p1"], (await db.Parks.Select(p => p.Id).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["dashboard", "ingest"], await db.ServiceAccounts.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
    }
}
