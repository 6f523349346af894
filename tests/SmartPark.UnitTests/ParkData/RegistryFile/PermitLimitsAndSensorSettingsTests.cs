using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Registry;
using SmartPark.ParkData.RegistryFile;
using static SmartPark.UnitTests.ParkData.RegistryFile.SupervisionRegistryYaml;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>
/// Discharge-permit limits (the PermitLimits table) and a sensor's emission settings, role and idle
/// load through the park database: YAML → rows → the runtime registry and YAML again, on a real
/// SQLite file; what a row that is wrong in the database gives (the validator's messages).
/// </summary>
public sealed class PermitLimitsAndSensorSettingsTests : IAsyncLifetime
{
    private SqliteParkDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteParkDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A boiler's CEMS (wet, actual flow, 3.5 % O₂ as GB 13271-2014 says for gas), a production and a treatment meter, a permit with two limits.</summary>
    private static string Yaml(string limits = "{ nox_converted: 50, cod: 60 }") => $$"""
        parks:
          - id: p1
            name: 锅炉园
            district: Baiyun
            areaHectares: 4
            leadingIndustry: boilers
            enterprises:
              - id: e1
                name: 热力厂
                industry: steam
                floorArea: 900
                status: operating
                dischargePermit: { number: 91440111MA59AB1C2001V, expiry: 2027-06-30, limits: {{limits}} }
                devices:
                  - id: d-cems
                    credential: {{Hash}}
                    sensors:
                      - { id: stack-1, quantities: [nox, o2, flue_gas_flow, flue_gas_temperature, flue_gas_pressure, flue_gas_humidity], emission: { referenceO2: 3.5, basis: wet, flow: actual } }
                      - { id: stack-2, quantities: [so2], emission: { basis: dry } }
                  - id: d-meters
                    credential: {{Hash}}
                    sensors:
                      - { id: line-1, quantities: [power, energy], role: production }
                      - { id: scrubber-1, quantities: [power], role: treatment, idleLoad: 1.5 }
        services: []
        """;

    private async Task<RegistryImportResult> ImportAsync(string yaml, string fileName = "boilers.yaml") =>
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

    private static RegistrySensor Sensor(ParkRegistry registry, string device, string sensor)
    {
        Assert.True(registry.TryGetDevice(device, out var found));
        return found.Device.Sensors.Single(s => s.Id == sensor);
    }

    [Fact]
    public async Task Limits_emission_role_and_idle_load_go_from_the_file_into_the_rows_and_out_as_the_registry_and_the_file_again()
    {
        var imported = await ImportAsync(Yaml());
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var rows = await db.PermitLimits.OrderBy(l => l.Quantity).ToListAsync();
            Assert.Equal([("p1", "e1", "cod", 60.0), ("p1", "e1", "nox_converted", 50.0)], rows.Select(l => (l.ParkId, l.EnterpriseId, l.Quantity, l.Limit)));
            var cems = await db.Devices.SingleAsync(d => d.Id == "d-cems");
            Assert.Contains("\"emission\":{\"referenceO2\":3.5,\"basis\":\"wet\",\"flow\":\"actual\"}", cems.SensorsJson, StringComparison.Ordinal);
            var meters = await db.Devices.SingleAsync(d => d.Id == "d-meters");
            Assert.Contains("{\"id\":\"scrubber-1\",\"quantities\":[\"power\"],\"role\":\"treatment\",\"idleLoad\":1.5}", meters.SensorsJson, StringComparison.Ordinal);
        }

        // The runtime registry from the rows says what the file says.
        var registry = await RegistryOfDatabaseAsync();
        var permit = registry.Parks.Single().Enterprises.Single().DischargePermit!;
        Assert.Equal([new PermitLimit("cod", 60), new PermitLimit("nox_converted", 50)], permit.Limits);
        Assert.Equal(new EmissionSettings { ReferenceOxygen = 3.5, WetBasis = true, ActualFlow = true }, Sensor(registry, "d-cems", "stack-1").Emission);
        Assert.Equal(new EmissionSettings { ReferenceOxygen = null, WetBasis = false, ActualFlow = false }, Sensor(registry, "d-cems", "stack-2").Emission);
        Assert.Equal((SensorRoles.Production, (double?)null), (Sensor(registry, "d-meters", "line-1").Role, Sensor(registry, "d-meters", "line-1").IdleLoad));
        Assert.Equal((SensorRoles.Treatment, (double?)1.5), (Sensor(registry, "d-meters", "scrubber-1").Role, Sensor(registry, "d-meters", "scrubber-1").IdleLoad));

        // The export writes them back; it loads as the same registry the file did, and re-imports to the same rows.
        var exported = await ExportAsync();
        Assert.Contains("dischargePermit: {number: 91440111MA59AB1C2001V, expiry: 2027-06-30, limits: {cod: 60, nox_converted: 50}}", exported, StringComparison.Ordinal);
        Assert.Contains("emission: {referenceO2: 3.5, basis: wet, flow: actual}", exported, StringComparison.Ordinal);
        Assert.Contains("{id: scrubber-1, quantities: [power], role: treatment, idleLoad: 1.5}", exported, StringComparison.Ordinal);
        Assert.Equal(RegistrySnapshot.Of(RegistryLoader.Parse(Yaml())), RegistrySnapshot.Of(RegistryLoader.Parse(exported, "export")));
        await using var other = await SqliteParkDatabase.CreateAsync();
        Assert.True((await new RegistryImporter(other.Factory).ImportAsync(new StringReader(exported), "export.yaml")).Succeeded);
        Assert.Equal(await RegistrySnapshot.OfDatabaseAsync(_database.Factory), await RegistrySnapshot.OfDatabaseAsync(other.Factory));

        // The same file again changes nothing: no audit entry, the registry revision stays.
        var again = await ImportAsync(Yaml());
        Assert.Equal((0, 0, 0), (again.Created, again.Updated, again.Deleted));
    }

    [Fact]
    public async Task A_changed_or_dropped_limit_in_the_file_is_updated_or_deleted_audited_and_moves_the_registry_revision()
    {
        Assert.True((await ImportAsync(Yaml())).Succeeded);
        long before;
        await using (var db = await _database.Factory.CreateDbContextAsync())
            before = (await db.RegistryRevisions.SingleAsync()).Number;

        var result = await ImportAsync(Yaml("{ nox_converted: 30 }"), "tighter.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((0, 1, 1), (result.Created, result.Updated, result.Deleted));
        await using var check = await _database.Factory.CreateDbContextAsync();
        var limit = await check.PermitLimits.SingleAsync();
        Assert.Equal(("nox_converted", 30.0, 1L), (limit.Quantity, limit.Limit, limit.Version));
        Assert.True((await check.RegistryRevisions.SingleAsync()).Number > before);
        var entries = await check.Audit.Where(a => a.Actor == "import:tighter.yaml").OrderBy(a => a.Key).ToListAsync();
        Assert.Equal([("deleted", "permit-limit:p1/e1/cod", "p1"), ("updated", "permit-limit:p1/e1/nox_converted", "p1")], entries.Select(a => (a.Action, a.Key, a.ParkId)));
        Assert.Contains("\"Limit\":50", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Limit\":30", entries[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_enterprise_removes_its_limits_and_a_permit_without_a_number_carries_none()
    {
        Assert.True((await ImportAsync(Yaml())).Succeeded);
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            // Cleared by hand in the database: the registry has no permit then, so no limit either.
            var enterprise = await db.Enterprises.SingleAsync();
            enterprise.DischargePermitNumber = null;
            await db.SaveChangesAsync();
        }
        Assert.Null((await RegistryOfDatabaseAsync()).Parks.Single().Enterprises.Single().DischargePermit);

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            db.Enterprises.Remove(await db.Enterprises.SingleAsync());
            await db.SaveChangesAsync();
        }
        await using var check = await _database.Factory.CreateDbContextAsync();
        Assert.Empty(await check.PermitLimits.ToListAsync());
    }

    [Fact]
    public async Task A_wrong_sensor_setting_or_limit_in_the_database_is_reported_as_the_file_reader_and_validator_would()
    {
        Assert.True((await ImportAsync(Yaml())).Succeeded);
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var cems = await db.Devices.SingleAsync(d => d.Id == "d-cems");
            cems.SensorsJson = """[{"id":"stack-1","quantities":["nox"],"emission":{"referenceO2":25,"basis":"humid","flow":"actual"}},{"id":"stack-2","quantities":["so2"],"role":"treatment"}]""";
            db.PermitLimits.Add(new PermitLimitRow { ParkId = "p1", EnterpriseId = "e1", Quantity = "energy", Limit = 5 });
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Factory.CreateDbContextAsync();
        var (registry, problems) = await RegistryRows.ReadAsync(read);
        var messages = problems.Concat(RegistryValidator.Validate(registry)).Select(p => p.Message).ToList();

        Assert.Contains(messages, m => m.Contains("sensor 'stack-1'", StringComparison.Ordinal) && m.Contains("'referenceO2' is a % by volume from 0 to 20, not 25", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'basis' is 'dry' or 'wet', not 'humid'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("sensor 'stack-2'", StringComparison.Ordinal) && m.Contains("a 'role' is for an electricity meter", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("permit limit 'energy' is not a pollutant of the catalogue", StringComparison.Ordinal));
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void A_sensor_without_the_new_keys_is_written_as_before()
    {
        var plain = new RegistrySensor { Id = "voc1", Quantities = ["nmhc"] };

        Assert.Equal("""[{"id":"voc1","quantities":["nmhc"]}]""", RowJson.Sensors([plain]));
        var read = RowJson.ReadSensors("""[{"id":"voc1","quantities":["nmhc"],"rollover":null}]""").Single();
        Assert.Equal(("voc1", "nmhc"), (read.Id, read.Quantities.Single()));
        Assert.True(read is { Rollover: null, Emission: null, Role: null, IdleLoad: null });
    }
}
