using SmartPark.Hj212;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Points;

namespace SmartPark.UnitTests.Uplink;

public class PeriodClockTests
{
    private static readonly PeriodClock Beijing = new(TimeSpan.FromHours(8));

    private static long Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void A_day_starts_at_beijing_midnight()
    {
        var at = Utc(2026, 11, 24, 15, 59);
        Assert.Equal(Utc(2026, 11, 23, 16, 0), Beijing.Floor(at, PeriodClock.Length(PeriodKind.Day, 1)));
        Assert.Equal(Utc(2026, 11, 24, 16, 0), Beijing.Floor(Utc(2026, 11, 24, 16, 0), PeriodClock.Length(PeriodKind.Day, 1)));
        Assert.Equal("20261124000000", Hj212Time.DataTime(Beijing.Local(Utc(2026, 11, 23, 16, 0))));
    }

    [Fact]
    public void Minute_periods_sit_on_their_interval_and_ceiling_keeps_a_boundary()
    {
        var tenMinutes = PeriodClock.Length(PeriodKind.Minute, 10);
        Assert.Equal(Utc(2026, 11, 24, 0, 40), Beijing.Floor(Utc(2026, 11, 24, 0, 49, 59), tenMinutes));
        Assert.Equal(Utc(2026, 11, 24, 0, 50), Beijing.Ceiling(Utc(2026, 11, 24, 0, 40, 1), tenMinutes));
        Assert.Equal(Utc(2026, 11, 24, 0, 40), Beijing.Ceiling(Utc(2026, 11, 24, 0, 40), tenMinutes));
    }

    [Fact]
    public void Qns_never_repeat_and_a_split_message_reserves_one_per_packet()
    {
        var clock = new QnClock();
        var now = new DateTime(2026, 11, 24, 8, 0, 0, 500);
        Assert.Equal("20261124080000500", clock.Next(now));
        Assert.Equal("20261124080000501", clock.Next(now, packets: 3));
        Assert.Equal("20261124080000504", clock.Next(now));
        Assert.Equal("20261124080001500", clock.Next(now.AddSeconds(1)));
    }
}
