using SmartPark.BureauPlatform;
using SmartPark.Contracts.Registry;
using SmartPark.Hj212;
using SmartPark.UnitTests.Registry;
using SmartPark.Uplink;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Points;

namespace SmartPark.UnitTests.Uplink;

/// <summary>
/// Points of the new sources: a CEMS point's converted values (-Zs…) and emission totals (-Cou),
/// a wastewater point's COD total and flow volume, the treatment facilities' run states and run
/// times, and the registry's meters of a point.
/// </summary>
public class EmissionPointTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 8, 0, 0);

    /// <summary>A boiler's CEMS (NOx, O₂, flow; reference O₂ 3.5 %), a wastewater outlet (COD, flow), a COD
    /// analyser without a flow, a production meter and an RTO's meter, and the points that report them.</summary>
    public const string Meters =
        "            meters:\n"
        + "              - { sensor: line-1, codes: { power: e30001 } }\n"
        + "              - { sensor: rto, facility: SB1, codes: { power: e30101, energy: e30102 } }";

    public static string Yaml(string meters = Meters) => $"""
        parks:
          - id: p1
            name: Shimen
            district: Baiyun
            areaHectares: 18.6
            leadingIndustry: furniture
            enterprises:
              - id: e1
                name: Huaxin Furniture
                industry: furniture_painting
                floorArea: 12000
                status: operating
                devices:
                  - id: boiler
                    credential: {RegistryYaml.Hash}
                    sensors:
                      - {"{"} id: cems, quantities: [nox, so2, o2, flue_gas_flow], emission: {"{"} referenceO2: 3.5 {"}"} {"}"}
                      - {"{"} id: line-1, quantity: power, role: production {"}"}
                      - {"{"} id: rto, quantities: [power, energy], role: treatment, idleLoad: 1.5 {"}"}
                  - id: outlet
                    credential: {RegistryYaml.Hash}
                    sensors:
                      - {"{"} id: water, quantities: [cod, ammonia_nitrogen, wastewater_flow] {"}"}
                  - id: lab
                    credential: {RegistryYaml.Hash}
                    sensors:
                      - {"{"} id: cod-1, quantity: cod {"}"}
                monitoringPoints:
                  - mn: 010000A8900016F000169E01
                    pw: '123456'
                    st: 31
                    device: boiler
                    platform: {"{"} host: 127.0.0.1, port: 9212 {"}"}
                    pollutants: [nox, so2, flue_gas_flow]
                    version: 2025
        {meters}
                  - mn: 010000A8900016F000169E02
                    pw: '123456'
                    st: 32
                    device: outlet
                    platform: {"{"} host: 127.0.0.1, port: 9212 {"}"}
                    pollutants: [cod, wastewater_flow]
                  - mn: 010000A8900016F000169E03
                    pw: '123456'
                    st: 32
                    device: lab
                    platform: {"{"} host: 127.0.0.1, port: 9212 {"}"}
                    pollutants: [cod]
        services:
          - id: uplink
            role: uplink
            credential: {RegistryYaml.Hash}

        """;

    private static PointConfig Point(ParkRegistry registry, string mn) =>
        PointConfig.From(registry.MonitoringPoints.Single(p => p.Point.Mn == mn), registry, new UplinkOptions());

    [Fact]
    public void A_flue_gas_pollutant_reads_its_converted_values_and_its_rate_a_flow_its_own_values_only()
    {
        var registry = RegistryLoader.Parse(Yaml());
        var cems = Point(registry, "010000A8900016F000169E01");
        Assert.Equal(
            [
                new RollupSeries("a21002", "nox", "cems", SeriesRole.Value), new RollupSeries("a21002", "nox_converted", "cems", SeriesRole.Converted),
                new RollupSeries("a21002", "nox_rate", "cems", SeriesRole.Rate),
                new RollupSeries("a21026", "so2", "cems", SeriesRole.Value), new RollupSeries("a21026", "so2_converted", "cems", SeriesRole.Converted),
                new RollupSeries("a21026", "so2_rate", "cems", SeriesRole.Rate),
                new RollupSeries("a00000", "flue_gas_flow", "cems", SeriesRole.Value),
            ],
            cems.Series);
        Assert.Equal(["a21002", "a21002/Zs", "a21002/Cou"], cems.Series.Take(3).Select(s => s.Key));
        // COD with a flow on its device has a rate; without one, its values only (no -Cou, not an error).
        Assert.Equal(["w01018", "w01018/Cou", "w00000"], Point(registry, "010000A8900016F000169E02").Series.Select(s => s.Key));
        Assert.Equal(["w01018"], Point(registry, "010000A8900016F000169E03").Series.Select(s => s.Key));
    }

    [Fact]
    public void A_period_carries_cou_first_then_values_converted_values_and_flag()
    {
        var nox = new PollutantValue("a21002", 48.26, 40.04, 55.56, 60, "N", 1) { Converted = (50.1, 60.26, 70.04), Cou = 1.23456 };
        var flow = new PollutantValue("a00000", 10.5, 9, 12, 60, "N", 1) { Cou = 37800.04, CouDecimals = EmissionTotals.CubicMetreDecimals };
        Assert.Equal(
            "DataTime=20261124080000;a21002-Cou=1.235,a21002-Min=40,a21002-Avg=48.3,a21002-Max=55.6,a21002-ZsMin=50.1,a21002-ZsAvg=60.3,a21002-ZsMax=70,a21002-Flag=N;"
            + "a00000-Cou=37800,a00000-Min=9,a00000-Avg=10.5,a00000-Max=12,a00000-Flag=N",
            CpBuilder.Period(Start, [nox, flow]));
        // A VOC pollutant has neither: its frame is what it always was.
        Assert.Equal("DataTime=20261124080000;a24088-Min=1,a24088-Avg=2.5,a24088-Max=4.25,a24088-Flag=N",
            CpBuilder.Period(Start, [new PollutantValue("a24088", 2.5, 1, 4.25, 12, "N")]));
    }

    [Fact]
    public void Real_time_data_carries_the_converted_value_beside_the_measured_one()
    {
        Assert.Equal("DataTime=20261124080017;a21002-Rtd=48.3,a21002-ZsRtd=60.3,a21002-Flag=N;a00000-Rtd=10.5,a00000-Flag=N",
            CpBuilder.RealTime(Start.AddSeconds(17), [new RealTimeValue("a21002", 48.26, "N", 1) { Converted = 60.26 }, new RealTimeValue("a00000", 10.5, "N", 1)]));
    }

    [Fact]
    public void An_hour_emits_its_mean_rate_for_the_hour_a_day_the_sum_of_its_hours()
    {
        const long hour = 3_600_000, minute = 60_000;
        // 2.4 kg/h for an hour: 2.4 kg; for a 10-minute period: 0.4 kg.
        var rate = new PeriodStats(2.4, 2, 3, 60, 60) { Integral = 1.5 };
        Assert.Equal(2.4, EmissionTotals.Kg(PeriodKind.Hour, hour, rate), 9);
        Assert.Equal(0.4, EmissionTotals.Kg(PeriodKind.Minute, 10 * minute, rate), 9);
        // A day: its hours' sum (Integral: Σ hourly mean × 1 h), hours without data adding nothing.
        Assert.Equal(1.5, EmissionTotals.Kg(PeriodKind.Day, 24 * hour, rate), 9);
        // Flows: 10 m³/s for an hour is 36,000 m³; 5 L/s for an hour 18 m³ (HJ 212 Annex D eq. 1: Q × T × 10⁻³).
        Assert.Equal(36_000, EmissionTotals.CubicMetres(PeriodKind.Hour, hour, new PeriodStats(10, 10, 10, 60, 60), RollupSeries.CubicMetresPerHour("flue_gas_flow")!.Value), 6);
        Assert.Equal(18, EmissionTotals.CubicMetres(PeriodKind.Hour, hour, new PeriodStats(5, 5, 5, 60, 60), RollupSeries.CubicMetresPerHour("wastewater_flow")!.Value), 9);
        Assert.Null(RollupSeries.CubicMetresPerHour("cod"));
    }

    [Fact]
    public void A_treatment_facility_runs_above_its_idle_load_and_says_when_in_maintenance()
    {
        Assert.Equal(RealTimeFrames.Running, RealTimeFrames.RunState(1.6, "N", 1.5));
        Assert.Equal(RealTimeFrames.Stopped, RealTimeFrames.RunState(1.5, "N", 1.5));
        Assert.Equal(RealTimeFrames.Maintenance, RealTimeFrames.RunState(30, "M", 1.5));
        Assert.Equal("DataTime=20261124080017;SB1-RS=1;SB2-RS=0", CpBuilder.RunStates(Start.AddSeconds(17), [("SB1", 1), ("SB2", 0)]));
        Assert.Equal("DataTime=20261124000000;SB1-RT=1.1;SB2-RT=24", CpBuilder.RunTimes(Start.Date, [("SB1", 1.1), ("SB2", 24)]));
    }

    [Fact]
    public void The_points_meters_resolve_with_their_role_facility_idle_load_and_codes()
    {
        var registry = RegistryLoader.Parse(Yaml());
        var cems = Point(registry, "010000A8900016F000169E01");
        Assert.Equal(2, cems.Meters.Count);
        var rto = Assert.Single(cems.Facilities);
        Assert.Equal(("rto", SensorRoles.Treatment, "SB1", 1.5), (rto.Sensor, rto.Role, rto.Facility, rto.IdleLoad));
        Assert.Equal([new PollutantSource("e30101", "power", "rto"), new PollutantSource("e30102", "energy", "rto")], rto.Codes);
        Assert.Equal(SensorRoles.Production, cems.Meters[0].Role);
        Assert.Equal(Hj212Version.V2025, cems.Version);
    }

    [Theory]
    [InlineData("{ sensor: rto, codes: { power: e30101 } }", "needs a 'facility'")]
    [InlineData("{ sensor: cems, codes: { nox: e30101 } }", "has no role")]
    [InlineData("{ sensor: rto, facility: SB1, codes: { power: x1 } }", "'x1' is not an HJ 212 code")]
    [InlineData("{ sensor: rto, facility: B1, codes: { power: e30101 } }", "'B1' is not an HJ 212 treatment facility id")]
    [InlineData("{ sensor: line-1, facility: SB2, codes: { power: e30001 } }", "only a treatment meter has a facility")]
    [InlineData("{ sensor: rto, facility: SB1, codes: { power: a21002 } }", "code 'a21002' is already used")]
    [InlineData("{ sensor: rto, facility: SB1, codes: { voltage: e30101 } }", "sensor 'rto' does not report 'voltage'")]
    [InlineData("{ device: nowhere, sensor: rto, facility: SB1, codes: { power: e30101 } }", "meter device 'nowhere' is not a device")]
    public void A_meter_the_registry_cannot_report_is_an_error_with_its_line(string meter, string expected)
    {
        var error = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml("            meters:\n              - " + meter)));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_platform_checks_run_states_and_run_times()
    {
        static ReceivedFrame Judge(string cn, string cp) => new FrameJudge(null).Judge(
            Hj212Encoder.FrameBytes(new Hj212Packet { Qn = "20261124084017123", St = "31", Cn = cn, Pw = "123456", Mn = "010000A8900016F000169E01", Flag = 9, Cp = cp }),
            "test", DateTimeOffset.UnixEpoch);
        Assert.True(Judge(Hj212Commands.RunStateData, "DataTime=20261124080017;SB1-RS=1;SB2-RS=0").Valid);
        Assert.True(Judge(Hj212Commands.RunTimeData, "DataTime=20261124000000;SB1-RT=1.1").Valid);
        Assert.Contains("SB1-RT=25 is not hours of a day (0 to 24)", Judge(Hj212Commands.RunTimeData, "DataTime=20261124000000;SB1-RT=25").Problems);
        Assert.Contains("DataTime 20261124080000 is not the start of a 2041 period", Judge(Hj212Commands.RunTimeData, "DataTime=20261124080000;SB1-RT=2").Problems);
        Assert.Contains("'a21002-RS' is not a treatment facility field (SBxxx-RS)", Judge(Hj212Commands.RunStateData, "DataTime=20261124080017;a21002-RS=1").Problems);
        Assert.Contains("SB1-RS=x is not a run state (one digit: 0 stopped, 1 running, …)", Judge(Hj212Commands.RunStateData, "DataTime=20261124080017;SB1-RS=x").Problems);
    }
}
