using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Registry;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>A counting sensor's rollover and recorded replacements, from the registry file and from the park database.</summary>
public sealed class MeterRegistryTests
{
    private static readonly string Hash = MosquittoPasswordHash.Create("d-m-pw", iterations: 50);

    private static string Yaml(string sensor) => $$"""
        parks:
          - id: p1
            name: Park
            district: Baiyun
            areaHectares: 2
            leadingIndustry: testing
            enterprises:
              - id: e1
                name: Works
                industry: coating
                floorArea: 100
                status: operating
                devices:
                  - id: d-m
                    credential: '{{Hash}}'
                    sensors:
        {{sensor}}
        services: []
        """;

    [Fact]
    public void A_sensor_reads_its_rollover_and_replacements_oldest_first()
    {
        var registry = RegistryLoader.Parse(Yaml(string.Join('\n',
            "              - id: m-1",
            "                quantities: [energy, power]",
            "                rollover: 1000000",
            "                replacements:",
            "                  - { quantity: energy, at: '2026-06-02T09:30:00+08:00', oldFinal: 812.5, newInitial: 0.3 }",
            "                  - { quantity: energy, at: '2026-05-04T01:00:00Z', oldFinal: 123456.7, newInitial: 0 }")));

        Assert.True(registry.TryGetDevice("d-m", out var device));
        var sensor = Assert.Single(device.Device.Sensors);
        Assert.Equal(1_000_000.0, sensor.Rollover);
        Assert.Equal(
            [new RegistryMeterReplacement("energy", new DateTimeOffset(2026, 5, 4, 1, 0, 0, TimeSpan.Zero), 123456.7, 0),
             new RegistryMeterReplacement("energy", new DateTimeOffset(2026, 6, 2, 1, 30, 0, TimeSpan.Zero), 812.5, 0.3)],
            sensor.Replacements);
    }

    [Theory]
    [InlineData("{ id: m-1, quantity: power, rollover: 1000000 }", "'rollover' is for a counting register")]
    [InlineData("{ id: m-1, quantity: energy, rollover: 0 }", "'rollover' must be above zero")]
    [InlineData("{ id: m-1, quantity: energy, replacements: [{ quantity: water_volume, at: '2026-05-04T01:00:00Z', oldFinal: 1, newInitial: 0 }] }", "must be a counting quantity the sensor reports")]
    [InlineData("{ id: m-1, quantity: power, replacements: [{ quantity: power, at: '2026-05-04T01:00:00Z', oldFinal: 1, newInitial: 0 }] }", "must be a counting quantity the sensor reports")]
    [InlineData("{ id: m-1, quantity: energy, replacements: [{ quantity: energy, at: '2026-05-04T01:00:00Z', oldFinal: -1, newInitial: 0 }] }", "must not be negative")]
    [InlineData("{ id: m-1, quantity: energy, replacements: [{ quantity: energy, at: '2026-05-04 01:00', oldFinal: 1, newInitial: 0 }] }", "'at' must be a timestamp with its offset")]
    [InlineData("{ id: m-1, quantity: energy, replacements: [{ quantity: energy, at: '2026-05-04T01:00:00Z', oldFinal: 1 }] }", "'newInitial' is missing")]
    public void A_wrong_rollover_or_replacement_is_refused_with_its_reason(string sensor, string reason)
    {
        var error = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml("              - " + sensor)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_park_database_gives_the_rollover_from_the_sensor_json_and_the_recorded_replacements()
    {
        var park = new Park { Id = "p1", NameZh = "园", NameEn = "Park", DistrictId = "baiyun", LandAreaHectares = 2, LeadingIndustry = "coating" };
        var enterprise = new Enterprise { ParkId = "p1", Id = "e1", NameZh = "厂", Industry = "coating", Status = "operating", FloorAreaM2 = 100 };
        var device = new Device
        {
            Id = "d-m",
            ParkId = "p1",
            EnterpriseId = "e1",
            Credential = Hash,
            SensorsJson = """[{"id":"m-1","quantities":["energy"],"rollover":1000000},{"id":"w-1","quantities":["water_volume"]}]""",
        };
        MeterReplacement Swap(long id, string sensor, string quantity, DateTime at, double oldFinal, double newInitial) => new()
        {
            Id = id,
            ParkId = "p1",
            DeviceId = "d-m",
            SensorId = sensor,
            Quantity = quantity,
            ReplacedAt = at,
            OldFinalReading = oldFinal,
            NewInitialReading = newInitial,
        };

        var (registry, problems) = RegistryRows.Build([park], [enterprise], [device], [], [], new Dictionary<string, string> { ["baiyun"] = "Baiyun" },
        [
            Swap(2, "m-1", "energy", new DateTime(2026, 6, 2, 1, 30, 0, DateTimeKind.Utc), 812.5, 0.3),
            Swap(1, "m-1", "energy", new DateTime(2026, 5, 4, 1, 0, 0, DateTimeKind.Utc), 123456.7, 0),
            Swap(3, "w-1", "water_volume", new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), 50, 1),
        ]);

        Assert.Empty(problems);
        Assert.Empty(RegistryValidator.Validate(registry));
        Assert.True(registry.TryGetDevice("d-m", out var found));
        var meter = found.Device.Sensors.Single(s => s.Id == "m-1");
        Assert.Equal(1_000_000.0, meter.Rollover);
        Assert.Equal([new DateTimeOffset(2026, 5, 4, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 2, 1, 30, 0, TimeSpan.Zero)], meter.Replacements.Select(r => r.At));
        var water = found.Device.Sensors.Single(s => s.Id == "w-1");
        Assert.Null(water.Rollover);
        Assert.Equal([new RegistryMeterReplacement("water_volume", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), 50, 1)], water.Replacements);
    }
}
