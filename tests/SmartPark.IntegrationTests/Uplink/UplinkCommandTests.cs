using System.Globalization;
using SmartPark.BureauPlatform;
using SmartPark.Hj212;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>The platform's commands over the same TCP link: answered as Annex C shows, and they take effect.</summary>
[Collection(UplinkCollection.Name)]
public sealed class UplinkCommandTests(UplinkFixture fixture)
{
    private const string Device = "d-realtime";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static string Mn => UplinkFixture.Points[Device];

    private async Task<CommandResult> CommandAsync(string cn, string cp = "")
    {
        await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Server.ConnectedMns.Contains(Mn)), Timeout, $"MN {Mn} to be connected");
        var result = await fixture.Platform.Server.SendCommandAsync(Mn, cn, cp, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.True(result.Completed, $"{cn} got no final answer: {string.Join(" | ", result.Answers)}");
        return result;
    }

    private static Hj212Cp Answer(CommandResult result, string cn)
    {
        var packet = result.Answers.Select(a => Hj212Decoder.Decode(a + "\r\n")).Select(d => d.Packet!).Single(p => p.Cn == cn);
        Assert.Equal(result.Qn, packet.Qn);
        return Hj212Cp.Parse(packet.Cp);
    }

    /// <summary>Keeps fresh readings coming, so real-time data has something to send.</summary>
    private async Task<List<ReceivedFrame>> RealTimeWhilePublishingAsync(TimeSpan span)
    {
        var start = DateTimeOffset.UtcNow;
        var from = fixture.Platform.Frames(Mn, Hj212Commands.RealTimeData).Count;
        var value = 1.0;
        while (DateTimeOffset.UtcNow - start < span)
        {
            await fixture.PublishAsync(Device, ("voc-1", "nmhc", value += 0.001, DateTimeOffset.UtcNow, "N"));
            await Task.Delay(250);
        }
        return fixture.Platform.Frames(Mn, Hj212Commands.RealTimeData).Skip(from).ToList();
    }

    private static List<double> Gaps(List<ReceivedFrame> frames) => frames.Zip(frames.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();

    [Fact]
    public async Task A_host_command_changes_the_real_time_interval()
    {
        var get = await CommandAsync(Hj212Commands.GetRealTimeInterval);
        Assert.Equal("1", Answer(get, Hj212Commands.RequestResponse).Get("QnRtn"));
        Assert.Equal("1", Answer(get, Hj212Commands.GetRealTimeInterval).Get("RtdInterval"));
        Assert.Equal("1", Answer(get, Hj212Commands.ExecutionResult).Get("ExeRtn"));
        var fast = await RealTimeWhilePublishingAsync(TimeSpan.FromSeconds(4));
        Assert.True(fast.Count >= 2, $"{fast.Count} real-time uploads in 4 s at 1 s");
        Assert.Contains(Gaps(fast), g => g < 2);

        var set = await CommandAsync(Hj212Commands.SetRealTimeInterval, "RtdInterval=3");
        Assert.Equal("1", Answer(set, Hj212Commands.RequestResponse).Get("QnRtn"));
        Assert.Equal("1", Answer(set, Hj212Commands.ExecutionResult).Get("ExeRtn"));
        try
        {
            Assert.Equal("3", Answer(await CommandAsync(Hj212Commands.GetRealTimeInterval), Hj212Commands.GetRealTimeInterval).Get("RtdInterval"));
            var slow = await RealTimeWhilePublishingAsync(TimeSpan.FromSeconds(7));
            Assert.True(slow.Count is >= 1 and <= 4, $"{slow.Count} real-time uploads in 7 s at 3 s");
            // Every upload now sits on a 3-second boundary (wall clock): none 1 s apart any more.
            Assert.All(Gaps(slow), g => Assert.True(g >= 2, $"uploads {g:0.00} s apart at a 3 s interval"));
        }
        finally
        {
            await CommandAsync(Hj212Commands.SetRealTimeInterval, "RtdInterval=1");
        }
    }

    [Fact]
    public async Task Real_time_data_stops_and_starts_on_the_hosts_command()
    {
        var stop = await CommandAsync(Hj212Commands.StopRealTimeData);
        Assert.Equal(Hj212Commands.NotificationResponse, Hj212Decoder.Decode(Assert.Single(stop.Answers) + "\r\n").Packet!.Cn);
        try
        {
            // Once a possible upload in flight has landed, nothing while stopped.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Empty(await RealTimeWhilePublishingAsync(TimeSpan.FromSeconds(3)));
        }
        finally
        {
            var start = await CommandAsync(Hj212Commands.RealTimeData);
            Assert.Equal("1", Answer(start, Hj212Commands.ExecutionResult).Get("ExeRtn"));
        }
        Assert.NotEmpty(await RealTimeWhilePublishingAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Time_minute_interval_and_bad_values_are_answered()
    {
        var time = Answer(await CommandAsync(Hj212Commands.GetTime, "PolId=a24088"), Hj212Commands.GetTime);
        Assert.Equal("a24088", time.Get("PolId"));
        Assert.True(Hj212Time.TryParseDataTime(time.Get("SystemTime"), out var systemTime));
        Assert.InRange((systemTime - DateTimeOffset.UtcNow.ToOffset(UplinkFixture.Beijing).DateTime).TotalSeconds, -5, 5);

        var now = Hj212Time.DataTime(DateTimeOffset.UtcNow.ToOffset(UplinkFixture.Beijing).DateTime);
        Assert.Equal("1", Answer(await CommandAsync(Hj212Commands.SetTime, $"SystemTime={now}"), Hj212Commands.ExecutionResult).Get("ExeRtn"));
        Assert.Equal("3", Answer(await CommandAsync(Hj212Commands.SetTime, "SystemTime=20160801085857"), Hj212Commands.ExecutionResult).Get("ExeRtn"));

        Assert.Equal("1", Answer(await CommandAsync(Hj212Commands.SetMinuteInterval, "MinInterval=5"), Hj212Commands.ExecutionResult).Get("ExeRtn"));
        Assert.Equal("5", Answer(await CommandAsync(Hj212Commands.GetMinuteInterval), Hj212Commands.GetMinuteInterval).Get("MinInterval"));
        Assert.Equal("3", Answer(await CommandAsync(Hj212Commands.SetMinuteInterval, "MinInterval=7"), Hj212Commands.ExecutionResult).Get("ExeRtn"));
        Assert.Equal("3", Answer(await CommandAsync(Hj212Commands.SetRealTimeInterval, "RtdInterval=0"), Hj212Commands.ExecutionResult).Get("ExeRtn"));
        Assert.Equal("1", Answer(await CommandAsync(Hj212Commands.SetMinuteInterval, "MinInterval=1"), Hj212Commands.ExecutionResult).Get("ExeRtn"));

        var refused = await CommandAsync("3015");
        Assert.Equal(Hj212QnRtn.Rejected.ToString(CultureInfo.InvariantCulture), Answer(refused, Hj212Commands.RequestResponse).Get("QnRtn"));
    }

    [Fact]
    public async Task A_history_request_gets_the_periods_uploads_and_no_data_is_said()
    {
        const string device = "d-history";
        var mn = UplinkFixture.Points[device];
        var start = UplinkFixture.LocalDay(6).AddHours(15);
        await fixture.PublishAsync(device, Enumerable.Range(0, 3)
            .SelectMany(m => new[] { 0, 20, 40 }.Select(s => ("voc-1", "nmhc", 1.5 + m + (s / 100.0), UplinkFixture.Local(start.AddMinutes(m).AddSeconds(s)), "N")))
            .ToArray());
        var reported = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.MinuteData)), f => f.Count == 3, Timeout, "3 minute uploads");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the backlog to be acknowledged");

        var result = await fixture.Platform.Server.SendCommandAsync(mn, Hj212Commands.MinuteData,
            $"BeginTime={Hj212Time.DataTime(start)};EndTime={Hj212Time.DataTime(start.AddMinutes(1))}", TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.True(result.Completed, string.Join(" | ", result.Answers));
        Assert.Equal("1", Answer(result, Hj212Commands.RequestResponse).Get("QnRtn"));
        Assert.Equal("1", Answer(result, Hj212Commands.ExecutionResult).Get("ExeRtn"));
        var again = fixture.Platform.Frames(mn, Hj212Commands.MinuteData).Skip(3).ToList();
        Assert.Equal([Hj212Time.DataTime(start), Hj212Time.DataTime(start.AddMinutes(1))], again.Select(f => f.DataTime!).ToList());
        foreach (var frame in again)
            Assert.Equal(reported.Single(r => r.DataTime == frame.DataTime).Values, frame.Values);

        var empty = await fixture.Platform.Server.SendCommandAsync(mn, Hj212Commands.HourlyData,
            $"BeginTime={Hj212Time.DataTime(start.AddDays(-1))};EndTime={Hj212Time.DataTime(start.AddDays(-1).AddHours(2))}", TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.Equal(Hj212ExeRtn.NoData.ToString(CultureInfo.InvariantCulture), Answer(empty, Hj212Commands.ExecutionResult).Get("ExeRtn"));
    }

    [Fact]
    public async Task A_history_request_spanning_more_than_the_limit_is_refused_and_sends_nothing()
    {
        var begin = DateTimeOffset.UtcNow.ToOffset(UplinkFixture.Beijing).DateTime.AddDays(-400);
        var before = fixture.Platform.Frames(Mn, Hj212Commands.DailyData).Count;
        var result = await CommandAsync(Hj212Commands.DailyData, $"BeginTime={Hj212Time.DataTime(begin)};EndTime={Hj212Time.DataTime(begin.AddDays(365))}");
        Assert.Equal("1", Answer(result, Hj212Commands.RequestResponse).Get("QnRtn"));
        Assert.Equal(Hj212ExeRtn.ConditionError.ToString(CultureInfo.InvariantCulture), Answer(result, Hj212Commands.ExecutionResult).Get("ExeRtn"));
        Assert.Equal(before, fixture.Platform.Frames(Mn, Hj212Commands.DailyData).Count);
    }
}
