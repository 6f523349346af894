using SmartPark.BureauPlatform;
using SmartPark.Contracts.Registry;
using SmartPark.Hj212;

namespace SmartPark.UnitTests.Uplink;

/// <summary>The simulated bureau platform's judgement of emission data: limits on N-flagged periods only,
/// totals consistent with the flow's, and treatment stopped while production runs.</summary>
public class BureauJudgementTests
{
    private const string Cems = "010000A8900016F000169E01";
    private const string Outlet = "010000A8900016F000169E02";
    private static readonly ParkRegistry Registry = RegistryLoader.Parse(EmissionPointTests.Yaml());
    private int _qn;

    private ReceivedFrame Frame(string mn, string cn, string cp)
    {
        var packet = new Hj212Packet { Qn = $"20261124084017{++_qn:000}", St = mn == Outlet ? "32" : "31", Cn = cn, Pw = "123456", Mn = mn, Flag = 9, Cp = cp };
        var frame = new FrameJudge(Registry).Judge(Hj212Encoder.FrameBytes(packet), "test", DateTimeOffset.UnixEpoch);
        Assert.True(frame.Valid, string.Join("; ", frame.Problems));
        return frame;
    }

    private static EmissionJudge Judge(PlatformOptions? options = null) => new(Registry, options ?? new PlatformOptions());

    [Fact]
    public void An_hour_above_its_limit_at_reference_oxygen_counts_only_when_flagged_N()
    {
        var frames = new[]
        {
            // Measured NOx 150 is under 200, its value at 3.5 % O₂ (ZsAvg 230) is over: an exceedance.
            Frame(Cems, Hj212Commands.HourlyData, "DataTime=20261124080000;a21002-Min=100,a21002-Avg=150,a21002-Max=180,a21002-ZsMin=150,a21002-ZsAvg=230,a21002-ZsMax=260,a21002-Flag=N"),
            // Over, but in calibration: not a measurement of the discharge.
            Frame(Cems, Hj212Commands.HourlyData, "DataTime=20261124090000;a21002-Min=100,a21002-Avg=150,a21002-Max=180,a21002-ZsMin=150,a21002-ZsAvg=400,a21002-ZsMax=450,a21002-Flag=C"),
            // Under.
            Frame(Cems, Hj212Commands.HourlyData, "DataTime=20261124100000;a21002-Min=100,a21002-Avg=120,a21002-Max=180,a21002-ZsMin=150,a21002-ZsAvg=190,a21002-ZsMax=260,a21002-Flag=N"),
            // A minute over is not judged against an hourly limit.
            Frame(Cems, Hj212Commands.MinuteData, "DataTime=20261124100000;a21002-Min=100,a21002-Avg=120,a21002-Max=180,a21002-ZsMin=150,a21002-ZsAvg=390,a21002-ZsMax=260,a21002-Flag=N"),
        };
        var exceedance = Assert.Single(Judge().Judge(frames).Exceedances);
        Assert.Equal(new Exceedance(Hj212Commands.HourlyData, "20261124080000", "a21002", "a21002-ZsAvg", 230, 200), exceedance);

        // A revised hour replaces the one first sent: the platform judges the latest.
        var revised = frames.Append(Frame(Cems, Hj212Commands.HourlyData, "DataTime=20261124080000;a21002-Min=100,a21002-Avg=150,a21002-Max=180,a21002-ZsMin=150,a21002-ZsAvg=199,a21002-ZsMax=260,a21002-Flag=N"));
        Assert.Empty(Judge().Judge(revised).Exceedances);
    }

    [Fact]
    public void Wastewater_is_judged_on_daily_means_by_default_and_limits_are_configurable()
    {
        var day = Frame(Outlet, Hj212Commands.DailyData, "DataTime=20261124000000;w01018-Cou=21.6,w01018-Min=80,w01018-Avg=120,w01018-Max=150,w01018-Flag=N;w00000-Cou=180,w00000-Min=1,w00000-Avg=2.08,w00000-Max=3,w00000-Flag=N");
        Assert.Equal("w01018-Avg", Assert.Single(Judge().Judge([day]).Exceedances).Field);
        var options = new PlatformOptions();
        options.Limits["w01018"] = new PlatformLimit { Limit = 150, Data = PlatformLimit.Daily };
        Assert.Empty(Judge(options).Judge([day]).Exceedances);
    }

    [Fact]
    public void A_total_must_agree_with_the_mean_times_the_flows_volume()
    {
        // COD 50 mg/L × 180 m³ = 9 kg; NOx 100 mg/m³ × 36,000 m³ = 3.6 kg.
        var good = Frame(Outlet, Hj212Commands.HourlyData, "DataTime=20261124080000;w01018-Cou=9.2,w01018-Min=40,w01018-Avg=50,w01018-Max=60,w01018-Flag=N;w00000-Cou=180,w00000-Min=40,w00000-Avg=50,w00000-Max=60,w00000-Flag=N");
        var bad = Frame(Outlet, Hj212Commands.HourlyData, "DataTime=20261124090000;w01018-Cou=4.5,w01018-Min=40,w01018-Avg=50,w01018-Max=60,w01018-Flag=N;w00000-Cou=180,w00000-Min=40,w00000-Avg=50,w00000-Max=60,w00000-Flag=N");
        var gas = Frame(Cems, Hj212Commands.HourlyData, "DataTime=20261124080000;a21002-Cou=3.6,a21002-Min=90,a21002-Avg=100,a21002-Max=110,a21002-Flag=N;a00000-Cou=36000,a00000-Min=9,a00000-Avg=10,a00000-Max=11,a00000-Flag=N");
        var mismatch = Assert.Single(Judge().Judge([good, bad]).CouMismatches);
        Assert.Equal(new CouMismatch(Hj212Commands.HourlyData, "20261124090000", "w01018", 4.5, 9, "w00000"), mismatch);
        Assert.Empty(Judge().Judge([gas]).CouMismatches);
    }

    [Fact]
    public void A_treatment_facility_stopped_while_production_draws_power_is_flagged()
    {
        var frames = new[]
        {
            Frame(Cems, Hj212Commands.RealTimeData, "DataTime=20261124080000;e30001-Rtd=45.2,e30001-Flag=N"),
            Frame(Cems, Hj212Commands.RunStateData, "DataTime=20261124080010;SB1-RS=0"),
            // Production stopped too: nothing wrong.
            Frame(Cems, Hj212Commands.RealTimeData, "DataTime=20261124090000;e30001-Rtd=0.2,e30001-Flag=N"),
            Frame(Cems, Hj212Commands.RunStateData, "DataTime=20261124090010;SB1-RS=0"),
            // Running treatment during production: nothing wrong.
            Frame(Cems, Hj212Commands.RealTimeData, "DataTime=20261124100000;e30001-Rtd=45.2,e30001-Flag=N"),
            Frame(Cems, Hj212Commands.RunStateData, "DataTime=20261124100010;SB1-RS=1"),
            // Production power too long before the state (over 5 minutes) says nothing about it.
            Frame(Cems, Hj212Commands.RunStateData, "DataTime=20261124101010;SB1-RS=0"),
        };
        var stopped = Assert.Single(Judge().Judge(frames).TreatmentStopped);
        Assert.Equal(new TreatmentStopped("20261124080010", "SB1", "e30001", 45.2), stopped);

        var summary = Assert.Single(PointSummaries.Build(frames, new HashSet<string>(), Judge()));
        Assert.Single(summary.Judgement!.TreatmentStopped);
        Assert.Contains(summary.Series, s => s.Cn == Hj212Commands.RunStateData && s.Received == 4);
        Assert.Contains("1 treatment stop(s) during production", Assert.Single(PlatformEndpoints.ConsoleLines([summary])), StringComparison.Ordinal);
    }
}
