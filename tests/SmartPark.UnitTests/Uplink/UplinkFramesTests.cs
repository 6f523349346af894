using SmartPark.BureauPlatform;
using SmartPark.Hj212;
using SmartPark.Uplink.Data;

namespace SmartPark.UnitTests.Uplink;

/// <summary>Every command the uplink sends or answers, through the codec and back, and judged by the simulated platform.</summary>
public class UplinkFramesTests
{
    private const string Mn = "010000A8900016F000169DC0";
    private static readonly DateTime Start = new(2026, 11, 24, 8, 40, 0);

    public static TheoryData<string, string, string, int> Frames() => new()
    {
        { Hj212Commands.RealTimeData, "27", CpBuilder.RealTime(Start.AddSeconds(17), [("a24088", 1.2345, "N"), ("a01012", -0.0001, "M")]), 5 },
        { Hj212Commands.MinuteData, "27", CpBuilder.Period(Start, [new PollutantValue("a24088", 2.5, 1, 4.25, 12, "N")]), 5 },
        { Hj212Commands.HourlyData, "31", CpBuilder.Period(Start.AddMinutes(-40), [new PollutantValue("a24088", 2.5, 1, 4.25, 120, "D")]), 9 },
        { Hj212Commands.DailyData, "27", CpBuilder.Period(Start.Date, [new PollutantValue("a24088", 2.5, 1, 4.25, 2880, "C")]), 4 },
        { Hj212Commands.RequestResponse, "91", "QnRtn=1", 4 },
        { Hj212Commands.ExecutionResult, "91", "ExeRtn=3", 4 },
        { Hj212Commands.NotificationResponse, "91", "", 4 },
        { Hj212Commands.DataResponse, "91", "", 4 },
        { Hj212Commands.GetTime, "27", "PolId=a24088;SystemTime=20261124084017", 4 },
        { Hj212Commands.GetRealTimeInterval, "27", "RtdInterval=30", 4 },
        { Hj212Commands.GetMinuteInterval, "27", "MinInterval=10", 4 },
        { Hj212Commands.TimeCalibrationRequest, "27", "", 5 },
        { Hj212Commands.SetRealTimeInterval, "27", "RtdInterval=60", 5 },
        { Hj212Commands.SetMinuteInterval, "27", "MinInterval=5", 5 },
        { Hj212Commands.SetTime, "27", "SystemTime=20261124084017", 5 },
        { Hj212Commands.SetTimeoutAndRetries, "27", "OverTime=10;ReCount=3", 5 },
        { Hj212Commands.StopRealTimeData, "27", "", 5 },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Round_trips_and_passes_the_platforms_checks(string cn, string st, string cp, int flag)
    {
        var packet = new Hj212Packet { Qn = "20261124084017123", St = st, Cn = cn, Pw = "123456", Mn = Mn, Flag = flag, Cp = cp };
        var frame = Hj212Encoder.FrameBytes(packet);

        var decoded = Hj212Decoder.Decode(frame);
        Assert.True(decoded.IsValid, decoded.Summary);
        Assert.Equal(packet, decoded.Packet);
        var judged = new FrameJudge(null).Judge(frame, "test", DateTimeOffset.UnixEpoch);
        Assert.True(judged.Valid, string.Join("; ", judged.Problems));
    }

    [Fact]
    public void Values_have_at_most_three_decimals_and_no_negative_zero()
    {
        Assert.Equal("DataTime=20261124084017;a24088-Rtd=1.235,a24088-Flag=N;a01012-Rtd=0,a01012-Flag=M",
            CpBuilder.RealTime(Start.AddSeconds(17), [("a24088", 1.2345, "N"), ("a01012", -0.0001, "M")]));
        Assert.Equal("DataTime=20261124084000;a24088-Min=1,a24088-Avg=2.5,a24088-Max=4.25,a24088-Flag=N",
            CpBuilder.Period(Start, [new PollutantValue("a24088", 2.5, 1, 4.25, 12, "N")]));
    }

    [Theory]
    [InlineData("2051", "DataTime=20261124084030;a24088-Avg=1,a24088-Flag=N", "DataTime 20261124084030 is not the start of a 2051 period")]
    [InlineData("2061", "DataTime=20261124084000;a24088-Avg=1,a24088-Flag=N", "DataTime 20261124084000 is not the start of a 2061 period")]
    [InlineData("2011", "DataTime=20261124084000;a24088-Rtd=x,a24088-Flag=N", "a24088-Rtd=x is not a number")]
    [InlineData("2011", "DataTime=20261124084000;a24088-Rtd=1,a24088-Flag=Q", "a24088-Flag=Q is not a data flag (N, F, M, S, D, C, T, B)")]
    [InlineData("2011", "a24088-Rtd=1,a24088-Flag=N", "DataTime '' is missing or not YYYYMMDDhhmmss")]
    public void The_platform_names_what_is_wrong_with_a_data_upload(string cn, string cp, string expected)
    {
        var packet = new Hj212Packet { Qn = "20261124084017123", St = "27", Cn = cn, Pw = "123456", Mn = Mn, Flag = 5, Cp = cp };
        var judged = new FrameJudge(null).Judge(Hj212Encoder.FrameBytes(packet), "test", DateTimeOffset.UnixEpoch);
        Assert.False(judged.Valid);
        Assert.Contains(expected, judged.Problems);
    }

    [Fact]
    public void Gaps_count_the_missing_periods()
    {
        var gaps = PointSummaries.Gaps(Hj212Commands.MinuteData, ["20261124080000", "20261124081000", "20261124084000", "20261124085000"]);
        var gap = Assert.Single(gaps);
        Assert.Equal(("20261124081000", "20261124084000", 2), (gap.After, gap.Before, gap.Missing));
        Assert.Empty(PointSummaries.Gaps(Hj212Commands.HourlyData, ["20261124080000", "20261124090000"]));
    }
}
