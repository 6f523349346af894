using System.Globalization;
using SmartPark.BureauPlatform;
using SmartPark.Hj212;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>
/// Minute, hourly and daily data of past readings (two days ago, so every period is settled and
/// its rollups computed) arrive at the platform over TCP once each, with the values computed here
/// from the readings and the flags of HJ 212 Annex C; real-time data carries the newest reading.
/// </summary>
[Collection(UplinkCollection.Name)]
public sealed class UplinkDataTests(UplinkFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private static string N(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Minute_hourly_and_daily_data_arrive_once_with_the_readings_values_and_flags()
    {
        const string device = "d-values";
        var mn = UplinkFixture.Points[device];
        var day = UplinkFixture.LocalDay(2);
        // Minute → the flags of its readings: all N; 6 of 8 N (75 %: still N); half calibration (C);
        // half normal with maintenance and fault mixed (D); calibration throughout (C); then one
        // minute in the next hour. Values are those of the measured (N) readings; only the minute
        // with none is reported from its calibration values, flagged C.
        var plan = new (int Hour, int Minute, string[] Flags)[]
        {
            (10, 0, ["N", "N", "N", "N", "N", "N", "N", "N"]),
            (10, 1, ["N", "N", "N", "C", "N", "N", "N", "C"]),
            (10, 2, ["N", "C", "N", "C", "N", "C", "N", "C"]),
            (10, 3, ["N", "M", "N", "D", "N", "M", "N", "D"]),
            (10, 4, ["C", "C", "C", "C"]),
            (11, 0, ["N", "N", "N", "N"]),
        };
        var random = new Random(2051);
        var readings = new List<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)>();
        foreach (var (hour, minute, flags) in plan)
        {
            for (var i = 0; i < flags.Length; i++)
            {
                var ts = UplinkFixture.Local(day.AddHours(hour).AddMinutes(minute).AddSeconds(i * 7));
                readings.Add(("voc-1", "nmhc", Math.Round(1 + (random.NextDouble() * 9), 3), ts, flags[i]));
            }
        }
        readings.Add(("t-1", "temperature", 24.5, UplinkFixture.Local(day.AddHours(10).AddSeconds(3)), "N"));
        readings.Add(("t-1", "temperature", 25.5, UplinkFixture.Local(day.AddHours(10).AddSeconds(33)), "N"));
        await fixture.PublishAsync(device, [.. readings]);

        var minutes = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.MinuteData)), f => f.Count >= plan.Length, Timeout, "5 minute uploads");
        var hours = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.HourlyData)), f => f.Count >= 2, Timeout, "2 hourly uploads");
        var days = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.DailyData)), f => f.Count >= 1, Timeout, "1 daily upload");

        string[] expectedFlags = ["N", "N", "C", "D", "C", "N"];
        for (var i = 0; i < plan.Length; i++)
        {
            var start = day.AddHours(plan[i].Hour).AddMinutes(plan[i].Minute);
            var frame = Assert.Single(minutes, f => f.DataTime == Hj212Time.DataTime(start));
            var values = Measured(readings.Where(r => r.Quantity == "nmhc" && r.Ts >= UplinkFixture.Local(start) && r.Ts < UplinkFixture.Local(start.AddMinutes(1))));
            AssertPollutant(frame, "a24088", values, expectedFlags[i]);
        }
        AssertPollutant(Assert.Single(minutes, f => f.DataTime == Hj212Time.DataTime(day.AddHours(10))), "a01012", [24.5, 25.5], "N");

        // Hour 10: minutes N, N, C, D, C → 40 % normal, the rest mixed → D, its values from the
        // measured readings only (the calibration minute's span gas stays out). Hour 11: N.
        var hour10 = Measured(readings.Where(r => r.Quantity == "nmhc" && r.Ts < UplinkFixture.Local(day.AddHours(11))));
        var hour11 = Measured(readings.Where(r => r.Quantity == "nmhc" && r.Ts >= UplinkFixture.Local(day.AddHours(11))));
        AssertPollutant(Assert.Single(hours, f => f.DataTime == Hj212Time.DataTime(day.AddHours(10))), "a24088", hour10, "D");
        AssertPollutant(Assert.Single(hours, f => f.DataTime == Hj212Time.DataTime(day.AddHours(11))), "a24088", hour11, "N");
        // The day: hours D and N → D; its values are the whole day's.
        var daily = Assert.Single(days);
        Assert.Equal(Hj212Time.DataTime(day), daily.DataTime);
        AssertPollutant(daily, "a24088", [.. hour10, .. hour11], "D");
        AssertPollutant(daily, "a01012", [24.5, 25.5], "N");

        // Once each: nothing was uploaded twice, and the platform found nothing wrong.
        Assert.Equal(plan.Length, minutes.Count);
        Assert.Equal(2, hours.Count);
        Assert.DoesNotContain(fixture.Platform.Log.Snapshot(), f => f.Mn == mn && !f.Valid);
        Assert.All(minutes.Concat(hours).Concat(days), f => Assert.Equal(5, f.Flag)); // 2017, reply requested
        Assert.Equal(0, fixture.Uplink.Store.PendingCount(mn));
    }

    [Fact]
    public async Task Late_readings_revise_the_periods_they_fill_and_the_platform_keeps_the_latest()
    {
        const string device = "d-late";
        var mn = UplinkFixture.Points[device];
        var day = UplinkFixture.LocalDay(3);
        DateTimeOffset At(int second) => UplinkFixture.Local(day.AddHours(9).AddSeconds(second));
        var dataTimes = new[] { (Hj212Commands.MinuteData, "minute"), (Hj212Commands.HourlyData, "hour"), (Hj212Commands.DailyData, "day") };

        await fixture.PublishAsync(device, ("voc-1", "nmhc", 2.0, At(0), "N"), ("voc-1", "nmhc", 4.0, At(20), "N"));
        foreach (var (cn, name) in dataTimes)
        {
            var first = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, cn)), f => f.Count >= 1, Timeout, $"the {name} upload");
            AssertPollutant(Assert.Single(first), "a24088", [2.0, 4.0], "N");
        }
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the uploads acknowledged");

        // A reading of that minute arrives after its periods were acknowledged: an agent's outbox
        // draining after an outage. Each period is sent again, under a new QN, with all three.
        await fixture.PublishAsync(device, ("voc-1", "nmhc", 9.0, At(40), "N"));
        foreach (var (cn, name) in dataTimes)
        {
            var frames = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, cn)), f => f.Count >= 2, Timeout, $"the revised {name} upload");
            Assert.Equal(frames[0].DataTime, frames[1].DataTime);
            Assert.NotEqual(frames[0].Qn, frames[1].Qn);
            AssertPollutant(frames[1], "a24088", [2.0, 4.0, 9.0], "N");
        }
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the revisions acknowledged");

        // Two late calibration readings: no value changes (they are not measured), but the minute
        // is now 3 of 5 normal, under 75 %: it is revised again, flagged C. (The hour and day fold
        // the minute flags, so the hour turns C too.)
        await fixture.PublishAsync(device, ("voc-1", "nmhc", 50.0, At(45), "C"), ("voc-1", "nmhc", 50.0, At(50), "C"));
        var third = await Poll.UntilAsync(() => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.MinuteData)), f => f.Count >= 3, Timeout, "the minute revised for its flag");
        AssertPollutant(third[2], "a24088", [2.0, 4.0, 9.0], "C");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Uplink.Store.PendingCount(mn)), n => n == 0, Timeout, "the flag revisions acknowledged");

        var summary = PointSummaries.Build(fixture.Platform.Log.Snapshot(), fixture.Platform.Server.ConnectedMns).Single(p => p.Mn == mn);
        Assert.All(summary.Series.Where(s => s.Cn != Hj212Commands.RealTimeData), s => Assert.Equal((1, 0), (s.Periods, s.Duplicates)));
        Assert.Equal(2, summary.Series.Single(s => s.Cn == Hj212Commands.MinuteData).Revised);
    }

    /// <summary>The values an aggregate is made of: the measured readings (N or T), or all when none was.</summary>
    private static List<double> Measured(IEnumerable<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)> readings)
    {
        var all = readings.ToList();
        var measured = all.Where(r => r.Flag is "N" or "T").ToList();
        return [.. (measured.Count > 0 ? measured : all).Select(r => r.Value)];
    }

    private static void AssertPollutant(ReceivedFrame frame, string code, IReadOnlyList<double> values, string flag)
    {
        Assert.Equal(N(values.Min()), frame.Values[$"{code}-Min"]);
        Assert.Equal(N(values.Average()), frame.Values[$"{code}-Avg"]);
        Assert.Equal(N(values.Max()), frame.Values[$"{code}-Max"]);
        Assert.Equal(flag, frame.Values[$"{code}-Flag"]);
        Assert.False(frame.Values.ContainsKey($"{code}-Cou"));
    }

    [Fact]
    public async Task Real_time_data_carries_the_newest_reading_and_its_flag_in_the_points_version()
    {
        const string device = "d-realtime";
        var mn = UplinkFixture.Points[device];
        var ts = DateTimeOffset.UtcNow.AddSeconds(-1);
        var before = fixture.Platform.Frames(mn, Hj212Commands.RealTimeData).Count;
        await fixture.PublishAsync(device,
            ("voc-1", "nmhc", 3.2, ts.AddSeconds(-1), "N"),
            ("voc-1", "nmhc", 3.21, ts, "N"),
            ("t-1", "temperature", 26.25, ts, "M"));

        var frame = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Platform.Frames(mn, Hj212Commands.RealTimeData).Skip(before).LastOrDefault(f => f.Values.GetValueOrDefault("a24088-Rtd") == "3.21")),
            f => f is not null && f.Values.ContainsKey("a01012-Rtd"), Timeout, "real-time data with the newest readings");

        Assert.Equal("N", frame!.Values["a24088-Flag"]);
        Assert.Equal("26.25", frame.Values["a01012-Rtd"]);
        Assert.Equal("M", frame.Values["a01012-Flag"]);
        Assert.Equal(Hj212Time.DataTime(ts.ToOffset(UplinkFixture.Beijing).DateTime), frame.DataTime);
        Assert.Equal(Hj212Flag.Of(Hj212Version.V2025, ack: true), frame.Flag); // this point speaks HJ 212-2025: Flag=9
    }
}
