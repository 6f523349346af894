using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Registry;
using SmartPark.ParkData.RegistryFile;
using static SmartPark.UnitTests.ParkData.RegistryFile.SupervisionRegistryYaml;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>
/// A circuit's rating on its sensor (<c>ratedCurrent</c>, <c>nominalVoltage</c>: what the overload and voltage rules
/// compare with) through the park database: YAML → rows → the runtime registry and YAML again on a real SQLite file,
/// and the reader's and validator's messages for a wrong one.
/// </summary>
public sealed class CircuitRatingTests : IAsyncLifetime
{
    private SqliteParkDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteParkDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A workshop's distribution board: one meter sensor per phase of a 63 A three-phase feeder, and an electrical-fire detector.</summary>
    private static string Yaml(string phaseA = "{ id: feeder-l1, quantities: [voltage, current], nominalVoltage: 220, ratedCurrent: 63 }") => $$"""
        parks:
          - id: p1
            name: 五金园
            district: Baiyun
            areaHectares: 4
            leadingIndustry: hardware
            enterprises:
              - id: e1
                name: 五金厂
                industry: metalwork
                floorArea: 900
                status: operating
                devices:
                  - id: d-board
                    credential: {{Hash}}
                    sensors:
                      - {{phaseA}}
                      - { id: feeder-l2, quantities: [voltage, current], nominalVoltage: 220, ratedCurrent: 63 }
                      - { id: feeder-rc, quantities: [residual_current, cable_temperature, arc_fault] }
        services: []
        """;

    private async Task<string> ExportAsync()
    {
        var text = new StringWriter();
        await new RegistryExporter(_database.Factory).ExportAsync(text);
        return text.ToString();
    }

    [Fact]
    public async Task Rated_current_and_nominal_voltage_go_from_the_file_into_the_rows_and_out_as_the_registry_and_the_file_again()
    {
        var imported = await new RegistryImporter(_database.Factory).ImportAsync(new StringReader(Yaml()), "board.yaml");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var board = await db.Devices.SingleAsync(d => d.Id == "d-board");
            Assert.Contains("{\"id\":\"feeder-l1\",\"quantities\":[\"voltage\",\"current\"],\"ratedCurrent\":63,\"nominalVoltage\":220}", board.SensorsJson, StringComparison.Ordinal);
            Assert.Contains("{\"id\":\"feeder-rc\",\"quantities\":[\"residual_current\",\"cable_temperature\",\"arc_fault\"]}", board.SensorsJson, StringComparison.Ordinal);

            var (registry, problems) = await RegistryRows.ReadAsync(db);
            Assert.Empty(problems);
            Assert.Empty(RegistryValidator.Validate(registry));
            Assert.True(registry.TryGetDevice("d-board", out var found));
            var phase = found.Device.Sensors.Single(s => s.Id == "feeder-l1");
            Assert.Equal(((double?)63, (double?)220), (phase.RatedCurrent, phase.NominalVoltage));
            Assert.True(found.Device.Sensors.Single(s => s.Id == "feeder-rc") is { RatedCurrent: null, NominalVoltage: null });
        }

        var exported = await ExportAsync();
        Assert.Contains("{id: feeder-l1, quantities: [voltage, current], ratedCurrent: 63, nominalVoltage: 220}", exported, StringComparison.Ordinal);
        Assert.Equal(RegistrySnapshot.Of(RegistryLoader.Parse(Yaml())), RegistrySnapshot.Of(RegistryLoader.Parse(exported, "export")));
        var again = await new RegistryImporter(_database.Factory).ImportAsync(new StringReader(Yaml()), "board.yaml");
        Assert.Equal((0, 0, 0), (again.Created, again.Updated, again.Deleted));
    }

    [Theory]
    [InlineData("{ id: feeder-l1, quantities: [voltage, current], ratedCurrent: 0 }", "'ratedCurrent' is the circuit's rated current in A")]
    [InlineData("{ id: feeder-l1, quantities: [voltage], ratedCurrent: 63 }", "the sensor does not report 'current'")]
    [InlineData("{ id: feeder-l1, quantities: [current], nominalVoltage: 220 }", "the sensor does not report 'voltage'")]
    [InlineData("{ id: feeder-l1, quantities: [voltage], nominalVoltage: -220 }", "'nominalVoltage' is the nominal voltage in V")]
    public void A_wrong_rating_in_the_file_is_refused_with_the_line_that_says_it(string phaseA, string message)
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml(phaseA), "board.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Yaml(phaseA).Split('\n').ToList().FindIndex(l => l.Contains("feeder-l1", StringComparison.Ordinal)) + 1, error.Line);
    }

    [Fact]
    public void A_rating_in_the_row_is_read_back_and_a_sensor_without_one_is_written_as_before()
    {
        var rated = new RegistrySensor { Id = "feeder-l1", Quantities = ["voltage", "current"], RatedCurrent = 63, NominalVoltage = 220 };

        var read = RowJson.ReadSensors(RowJson.Sensors([rated])).Single();

        Assert.Equal((63.0, 220.0), (read.RatedCurrent, read.NominalVoltage));
        Assert.Equal("""[{"id":"rc","quantities":["residual_current"]}]""", RowJson.Sensors([new RegistrySensor { Id = "rc", Quantities = ["residual_current"] }]));
    }
}
