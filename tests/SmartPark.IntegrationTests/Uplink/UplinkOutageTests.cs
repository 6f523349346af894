using SmartPark.BureauPlatform;
using SmartPark.Hj212;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>
/// The platform goes away while periods settle: they wait in the uplink's durable backlog and,
/// once the platform is back, arrive oldest first, every one, none twice, and none of those
/// acknowledged before the outage again.
/// </summary>
[Collection(UplinkCollection.Name)]
public sealed class UplinkOutageTests(UplinkFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task After_an_outage_the_backlog_arrives_oldest_first_with_nothing_missing_and_nothing_twice()
    {
        const string device = "d-outage";
        var mn = UplinkFixture.Points[device];
        var platform = fixture.Platform;

        // Before the outage: two minutes of an hour three days ago, acknowledged.
        var before = UplinkFixture.LocalDay(3).AddHours(20);
        await fixture.PublishAsync(device, Minutes(before, 2));
        await Poll.UntilAsync(() => Task.FromResult(platform.Frames(mn, Hj212Commands.MinuteData).Count), n => n == 2, Timeout, "the first 2 minute uploads");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the first uploads to be acknowledged");
        var acknowledgedBefore = platform.Log.Snapshot().Count(f => f.Mn == mn);

        await platform.Server.StopListeningAsync();
        try
        {
            // During the outage: six minutes of an hour four days ago settle and wait.
            var during = UplinkFixture.LocalDay(4).AddHours(9);
            await fixture.PublishAsync(device, Minutes(during, 6));
            await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n >= 6 + 1 + 1, Timeout,
                "6 minute, 1 hourly and 1 daily upload waiting in the backlog");
            Assert.Equal(acknowledgedBefore, platform.Log.Snapshot().Count(f => f.Mn == mn));
        }
        finally
        {
            platform.Server.StartListening();
        }

        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the backlog to be acknowledged");
        var minutes = platform.Frames(mn, Hj212Commands.MinuteData);
        var expected = new[] { UplinkFixture.LocalDay(4).AddHours(9), before }
            .SelectMany(start => Enumerable.Range(0, start == before ? 2 : 6).Select(m => Hj212Time.DataTime(start.AddMinutes(m))))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Nothing missing, nothing twice.
        Assert.Equal(expected, minutes.Select(f => f.DataTime!).Order(StringComparer.Ordinal).ToList());
        // The backlog arrived oldest first, after what had been acknowledged before.
        var afterOutage = minutes.Skip(2).Select(f => f.DataTime!).ToList();
        Assert.Equal(afterOutage.Order(StringComparer.Ordinal), afterOutage);
        var hourly = platform.Frames(mn, Hj212Commands.HourlyData).Select(f => f.DataTime).ToList();
        Assert.Equal(hourly.Distinct().Count(), hourly.Count);
        var daily = platform.Frames(mn, Hj212Commands.DailyData).Select(f => f.DataTime).ToList();
        Assert.Equal(daily.Distinct().Count(), daily.Count);
        Assert.Contains(Hj212Time.DataTime(UplinkFixture.LocalDay(4)), daily);
    }

    [Fact]
    public async Task An_unanswered_upload_is_sent_again_with_its_qn_and_counted_once()
    {
        const string device = "d-resend";
        var mn = UplinkFixture.Points[device];
        var platform = fixture.Platform;
        var start = UplinkFixture.LocalDay(5).AddHours(7);
        var dataTime = Hj212Time.DataTime(start);
        platform.Server.LeaveUnanswered(mn, Hj212Commands.MinuteData, 1);

        await fixture.PublishAsync(device, Minutes(start, 1));

        var frames = await Poll.UntilAsync(() => Task.FromResult(platform.Frames(mn, Hj212Commands.MinuteData).Where(f => f.DataTime == dataTime).ToList()),
            f => f.Count >= 2, Timeout, "the minute upload and its resend");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the resend to be acknowledged");
        Assert.Equal(2, platform.Frames(mn, Hj212Commands.MinuteData).Count(f => f.DataTime == dataTime));
        Assert.Equal(frames[0].Qn, frames[1].Qn); // the same upload again, not a second one
        Assert.InRange((frames[1].At - frames[0].At).TotalSeconds, 1.5, 10); // after the reply timeout (2 s here)
        var minute = PointSummaries.Build(platform.Log.Snapshot(), platform.Server.ConnectedMns).Single(p => p.Mn == mn).Series.Single(s => s.Cn == Hj212Commands.MinuteData);
        Assert.Equal(0, minute.Duplicates);
    }

    private static (string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)[] Minutes(DateTime start, int count) =>
        Enumerable.Range(0, count)
            .SelectMany(m => Enumerable.Range(0, 3).Select(i => ("voc-1", "nmhc", 2.0 + m + (i / 10.0), UplinkFixture.Local(start.AddMinutes(m).AddSeconds(i * 15)), "N")))
            .ToArray();
}
