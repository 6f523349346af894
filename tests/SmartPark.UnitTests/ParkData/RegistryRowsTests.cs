using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Registry;

namespace SmartPark.UnitTests.ParkData;

/// <summary>The runtime registry built from park-database rows: every field the broker, the rules, the tiles and the uplink read.</summary>
public sealed class RegistryRowsTests
{
    private static readonly string Hash = MosquittoPasswordHash.Create("d-voc-pw", iterations: 50);

    private static Park Park() => new() { Id = "baiyun-shimen", NameZh = "石门工业园", NameEn = "Shimen", DistrictId = "baiyun", LandAreaHectares = 12.5, LeadingIndustry = "printing" };

    private static Enterprise Enterprise() => new()
    {
        ParkId = "baiyun-shimen",
        Id = "e-print",
        NameZh = "华南印务",
        NameEn = "South China Printing",
        Industry = "printing",
        FloorAreaM2 = 1200,
        Status = RenovationStatus.ShutDown,
        PlanX = 10,
        PlanY = 20,
        PlanWidth = 30,
        PlanHeight = 40,
    };

    private static Device Device(string sensors = """[{"id":"voc-1","quantities":["nmhc"]},{"id":"meter-1","quantities":["power","energy"]}]""") =>
        new() { Id = "d-voc", ParkId = "baiyun-shimen", EnterpriseId = "e-print", Credential = Hash, SensorsJson = sensors };

    private static MonitoringPoint Point(string pollutants = """[{"quantity":"nmhc","code":"a24088"}]""") => new()
    {
        Mn = "MN0001",
        ParkId = "baiyun-shimen",
        EnterpriseId = "e-print",
        Pw = "123456",
        St = "27",
        DeviceId = "d-voc",
        SensorId = "voc-1",
        PlatformHost = "bureau.example",
        PlatformPort = 9000,
        PollutantsJson = pollutants,
        HjVersion = 2025,
        Ack = false,
        RtdIntervalSeconds = 60,
        MinIntervalMinutes = 10,
    };

    private static readonly Dictionary<string, string> Districts = new() { ["baiyun"] = "Baiyun" };

    [Fact]
    public void Every_row_becomes_its_registry_entry_and_the_result_is_valid()
    {
        var service = new ServiceAccountRow { Id = "ingest", Role = ServiceRoles.Ingest, Credential = Hash };

        var (registry, problems) = RegistryRows.Build([Park()], [Enterprise()], [Device()], [Point()], [service], Districts);

        Assert.Empty(problems);
        Assert.Empty(RegistryValidator.Validate(registry));
        var park = Assert.Single(registry.Parks);
        Assert.Equal(("石门工业园", "Shimen", "Baiyun", 12.5, "printing"), (park.Name, park.NameEn, park.District, park.AreaHectares, park.LeadingIndustry));
        var enterprise = registry.FindEnterprise("baiyun-shimen", "e-print")!;
        Assert.Equal(("华南印务", "South China Printing", RenovationStatus.ShutDown, 1200.0), (enterprise.Name, enterprise.NameEn, enterprise.Status, enterprise.FloorArea));
        Assert.Equal((10.0, 20.0, 30.0, 40.0), (enterprise.Plan!.X, enterprise.Plan.Y, enterprise.Plan.Width, enterprise.Plan.Height));
        Assert.True(registry.TryGetDevice("d-voc", out var device));
        Assert.Equal(new DeviceAddress("baiyun-shimen", "e-print", "d-voc"), device.Address);
        Assert.Equal(["voc-1:nmhc", "meter-1:power,energy"], device.Device.Sensors.Select(s => $"{s.Id}:{string.Join(',', s.Quantities)}"));
        var point = Assert.Single(registry.MonitoringPoints);
        Assert.Equal(("MN0001", "123456", "27", "voc-1", 9000.0, 2025, false, 60.0, 10.0),
            (point.Point.Mn, point.Point.Pw, point.Point.St, point.Point.Sensor, point.Point.PlatformPort, point.Point.Version, point.Point.Ack, point.Point.RtdInterval, point.Point.MinInterval));
        Assert.Equal([("nmhc", "a24088")], point.Point.Pollutants.Select(p => (p.Quantity, p.Code)));
        Assert.True(registry.TryGetService("ingest", out var account));
        Assert.Equal(ServiceRoles.Ingest, account.Role);
    }

    [Fact]
    public void The_discharge_permit_reaches_the_runtime_registry_for_the_expiry_alert_and_no_number_means_no_permit()
    {
        var permitted = Enterprise();
        permitted.DischargePermitNumber = "91440111MA5CXXXX0X001V";
        permitted.DischargePermitExpiry = new DateOnly(2027, 3, 31);
        var (registry, _) = RegistryRows.Build([Park()], [permitted], [], [], [], Districts);
        var permit = registry.FindEnterprise("baiyun-shimen", "e-print")!.DischargePermit!;
        Assert.Equal(("91440111MA5CXXXX0X001V", new DateOnly(2027, 3, 31)), (permit.Number, permit.Expiry));

        var unpermitted = Enterprise();
        unpermitted.DischargePermitExpiry = new DateOnly(2027, 3, 31);
        (registry, _) = RegistryRows.Build([Park()], [unpermitted], [], [], [], Districts);
        Assert.Null(registry.FindEnterprise("baiyun-shimen", "e-print")!.DischargePermit);
    }

    [Fact]
    public void An_enterprise_not_drawn_on_the_plan_has_no_rectangle_and_an_unknown_district_shows_its_id()
    {
        var enterprise = Enterprise();
        enterprise.PlanHeight = null;
        var park = Park();
        park.DistrictId = "nowhere";

        var (registry, _) = RegistryRows.Build([park], [enterprise], [], [], [], Districts);

        Assert.Null(registry.FindEnterprise("baiyun-shimen", "e-print")!.Plan);
        Assert.Equal("nowhere", registry.Parks[0].District);
    }

    [Fact]
    public void Unreadable_json_and_an_empty_credential_are_problems_not_exceptions()
    {
        var broken = Device("[{\"id\":\"voc-1\",");
        broken.Credential = "";

        var (_, problems) = RegistryRows.Build([Park()], [Enterprise()], [broken], [Point("not json")], [], Districts);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Message.StartsWith("device 'd-voc': sensors are not readable JSON", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.StartsWith("monitoring point 'MN0001': pollutants are not readable JSON", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message == "device 'd-voc': credential is empty");
    }
}
