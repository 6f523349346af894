using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.ParkData.Duty;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Registry;
using SmartPark.ParkData.RegistryFile;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>
/// A park's duty roster through the park database on a real SQLite file: YAML <c>duty:</c> → the
/// DutyRosters row → the runtime registry (<see cref="RegistryPark.Duty"/>, the chain notifications
/// follow) and YAML again; a changed or dropped roster is audited and moves the registry revision;
/// a roster the registry's rules refuse is refused by the import and reported when a row holds it.
/// </summary>
public sealed class DutyRosterRoundTripTests : IAsyncLifetime
{
    private SqliteParkDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteParkDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private const string Roster = """
            duty:
              manager: li
              people:
                - { id: zhang, name: 张工, phone: "138 0000 0001", email: zhang@example.invalid }
                - { id: wang, name: 王工, phone: "+8613800000002" }
                - { id: li, name: 李经理, email: li@example.invalid }
              shifts:
                - { days: weekdays, from: "08:00", until: "18:00", people: [zhang, wang] }
                - { days: all, from: "18:00", until: "08:00", people: [wang] }
                - { days: [sat, sun], from: "08:00", until: "18:00", people: [li] }
        """;

    private static string Yaml(string duty = Roster) => $$"""
        parks:
          - id: p1
            name: 值班园
            district: Baiyun
            areaHectares: 4
            leadingIndustry: printing
        {{duty}}
        services: []
        """;

    private async Task<RegistryImportResult> ImportAsync(string yaml, string fileName = "duty.yaml") =>
        await new RegistryImporter(_database.Factory).ImportAsync(new StringReader(yaml), fileName);

    private async Task<string> ExportAsync()
    {
        var text = new StringWriter();
        await new RegistryExporter(_database.Factory).ExportAsync(text);
        return text.ToString();
    }

    private async Task<ParkRegistry> RegistryOfDatabaseAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync();
        var (registry, problems) = await RegistryRows.ReadAsync(db);
        Assert.Empty(problems);
        Assert.Empty(RegistryValidator.Validate(registry));
        return registry;
    }

    private async Task<long> RevisionAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync();
        return (await db.RegistryRevisions.SingleAsync()).Number;
    }

    [Fact]
    public async Task The_roster_goes_from_the_file_into_its_row_out_as_the_registry_and_the_file_again()
    {
        var imported = await ImportAsync(Yaml());
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var row = await db.DutyRosters.SingleAsync();
            Assert.Equal(("p1", "li", 1L), (row.ParkId, row.Manager, row.Version));
            // The Chinese mobile written without +86 is stored in E.164; an unset email is left out.
            Assert.Equal("""[{"id":"zhang","name":"张工","phone":"+8613800000001","email":"zhang@example.invalid"},{"id":"wang","name":"王工","phone":"+8613800000002"},{"id":"li","name":"李经理","email":"li@example.invalid"}]""", row.PeopleJson);
            Assert.Equal("""[{"days":["mon","tue","wed","thu","fri"],"from":"08:00","until":"18:00","people":["zhang","wang"]},{"days":["mon","tue","wed","thu","fri","sat","sun"],"from":"18:00","until":"08:00","people":["wang"]},{"days":["sat","sun"],"from":"08:00","until":"18:00","people":["li"]}]""", row.ShiftsJson);
            // The import's own rows (the districts seeded with the schema are audited too, before them).
            Assert.Equal(["created park:p1", "created duty:p1"], await db.Audit.Where(a => !a.Key.StartsWith("jurisdiction:")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Key).ToListAsync());
            Assert.Equal("p1", (await db.Audit.SingleAsync(a => a.Key == "duty:p1")).ParkId);
        }

        // The registry from the row gives the chain notifications follow: a Tuesday 09:00 China time is zhang, wang, then the manager.
        var registry = await RegistryOfDatabaseAsync();
        var duty = registry.Parks.Single().Duty!;
        var tuesdayMorning = new DateTimeOffset(2026, 12, 8, 9, 0, 0, DutyRoster.ChinaOffset);
        Assert.Equal(["zhang", "wang", "li"], DutyRoster.ChainAt(duty, tuesdayMorning).Select(p => p.Id));
        // Saturday 02:00 belongs to Friday's night shift.
        Assert.Equal(["wang", "li"], DutyRoster.ChainAt(duty, new DateTimeOffset(2026, 12, 12, 2, 0, 0, DutyRoster.ChinaOffset)).Select(p => p.Id));

        // The export writes duty: back; it loads as the same registry the file did and re-imports to the same rows.
        var exported = await ExportAsync();
        Assert.Contains("duty:", exported, StringComparison.Ordinal);
        Assert.Contains("manager: li", exported, StringComparison.Ordinal);
        Assert.Contains("email: zhang@example.invalid", exported, StringComparison.Ordinal);
        Assert.Contains("days: all", exported, StringComparison.Ordinal);
        Assert.Equal(RegistrySnapshot.Of(RegistryLoader.Parse(Yaml())), RegistrySnapshot.Of(RegistryLoader.Parse(exported, "export")));
        await using var other = await SqliteParkDatabase.CreateAsync();
        Assert.True((await new RegistryImporter(other.Factory).ImportAsync(new StringReader(exported), "export.yaml")).Succeeded);
        Assert.Equal(await RegistrySnapshot.OfDatabaseAsync(_database.Factory), await RegistrySnapshot.OfDatabaseAsync(other.Factory));

        // The same file again changes nothing: no audit entry, the registry revision stays.
        var revision = await RevisionAsync();
        var again = await ImportAsync(Yaml());
        Assert.Equal((0, 0, 0), (again.Created, again.Updated, again.Deleted));
        Assert.Equal(revision, await RevisionAsync());
    }

    [Fact]
    public async Task A_changed_roster_is_updated_audited_and_moves_the_revision_and_a_park_without_duty_has_its_roster_emptied()
    {
        Assert.True((await ImportAsync(Yaml())).Succeeded);
        var before = await RevisionAsync();

        var changed = await ImportAsync(Yaml(Roster.Replace("people: [zhang, wang]", "people: [wang, zhang]", StringComparison.Ordinal)), "swap.yaml");

        Assert.True(changed.Succeeded, string.Join("\n", changed.Errors));
        Assert.Equal((0, 1, 0), (changed.Created, changed.Updated, changed.Deleted));
        Assert.True(await RevisionAsync() > before);
        Assert.Equal(["wang", "zhang", "li"], DutyRoster.ChainAt((await RegistryOfDatabaseAsync()).Parks.Single().Duty, new DateTimeOffset(2026, 12, 8, 9, 0, 0, DutyRoster.ChinaOffset)).Select(p => p.Id));
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var entry = await db.Audit.SingleAsync(a => a.Actor == "import:swap.yaml");
            Assert.Equal(("updated", "duty:p1", nameof(DutyRosterRow)), (entry.Action, entry.Key, entry.Entity));
            var shiftsBefore = System.Text.Json.JsonDocument.Parse(entry.Before!).RootElement.GetProperty(nameof(DutyRosterRow.ShiftsJson)).GetString();
            Assert.Contains("""people":["zhang","wang"]""", shiftsBefore, StringComparison.Ordinal);
        }

        var dropped = await ImportAsync(Yaml(""), "no-duty.yaml");

        Assert.True(dropped.Succeeded, string.Join("\n", dropped.Errors));
        Assert.Null((await RegistryOfDatabaseAsync()).Parks.Single().Duty);
        Assert.DoesNotContain("duty:", await ExportAsync(), StringComparison.Ordinal);
        await using var check = await _database.Factory.CreateDbContextAsync();
        // The row stays, empty, with its version grown: an editor who loaded the old roster is refused, not silently overwritten.
        var row = await check.DutyRosters.SingleAsync();
        Assert.Equal(("[]", "[]", (string?)null, 3L), (row.PeopleJson, row.ShiftsJson, row.Manager, row.Version));
    }

    [Fact]
    public async Task A_roster_the_registry_refuses_is_refused_by_the_import_with_its_line_and_nothing_is_written()
    {
        var bad = Roster
            .Replace("manager: li", "manager: boss", StringComparison.Ordinal)
            .Replace("phone: \"+8613800000002\"", "phone: \"12345\"", StringComparison.Ordinal)
            .Replace("people: [li]", "people: [zhao]", StringComparison.Ordinal);

        var result = await ImportAsync(Yaml(bad));

        Assert.False(result.Succeeded);
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("manager 'boss' is not one of its people", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("phone '12345' is not a mobile number", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("shift person 'zhao' is not one of its people", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.True(e.Line > 0));
        await using var db = await _database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.DutyRosters.ToListAsync());
        Assert.Empty(await db.Parks.ToListAsync());
    }

    [Fact]
    public async Task A_damaged_or_wrong_roster_row_is_reported_as_the_validator_would_not_thrown()
    {
        Assert.True((await ImportAsync(Yaml())).Succeeded);
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var row = await db.DutyRosters.SingleAsync();
            row.PeopleJson = """[{"id":"zhang","name":"张工"},{"id":"wang","name":"王工","phone":"+8613800000002"},{"id":"li","name":"李经理","email":"li@example.invalid"}]""";
            row.ShiftsJson = """[{"days":["mon","someday"],"from":"8 am","until":"18:00","people":["zhang"]}]""";
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Factory.CreateDbContextAsync();
        var (registry, problems) = await RegistryRows.ReadAsync(read);
        var messages = problems.Concat(RegistryValidator.Validate(registry)).Select(p => p.Message).ToList();

        Assert.Contains(messages, m => m.Contains("park 'p1' duty: a shift's days must be mon, tue, wed, thu, fri, sat, sun, not [mon, someday]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("park 'p1' duty: a shift's time '8 am' is not HH:mm", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("person 'zhang' has neither phone nor email", StringComparison.Ordinal));
        Assert.Equal(3, messages.Count);

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            (await db.DutyRosters.SingleAsync()).PeopleJson = "not json";
            await db.SaveChangesAsync();
        }
        await using var again = await _database.Factory.CreateDbContextAsync();
        Assert.Contains((await RegistryRows.ReadAsync(again)).Problems, p => p.Message.Contains("park 'p1' duty: people are not readable JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Writing_the_same_roster_twice_leaves_the_columns_as_they_were()
    {
        var duty = new RegistryDuty
        {
            Manager = "li",
            People = [new RegistryDutyPerson { Id = "li", Name = "李", Phone = "+8613800000003" }],
            Shifts = [new RegistryDutyShift { Days = [DayOfWeek.Sunday, DayOfWeek.Monday], From = new TimeOnly(8, 0), Until = new TimeOnly(8, 0), People = ["li"] }],
        };
        var row = new DutyRosterRow { ParkId = "p1" };

        DutyRosterRows.Write(row, duty);
        var (people, shifts) = (row.PeopleJson, row.ShiftsJson);
        DutyRosterRows.Write(row, duty with { });

        Assert.Same(people, row.PeopleJson);
        Assert.Same(shifts, row.ShiftsJson);
        // Monday first, as the week is written everywhere.
        Assert.Equal("""[{"days":["mon","sun"],"from":"08:00","until":"08:00","people":["li"]}]""", shifts);
        Assert.Equal(duty.Shifts.Single().Days.Order(), DutyRosterRows.Read(row, [])!.Shifts.Single().Days.Order());
        Assert.Null(DutyRosterRows.Read(new DutyRosterRow { ParkId = "p1" }, []));
    }
}
