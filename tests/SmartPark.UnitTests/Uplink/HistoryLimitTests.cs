using SmartPark.Uplink;
using SmartPark.Uplink.Link;

namespace SmartPark.UnitTests.Uplink;

public sealed class HistoryLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly UplinkOptions _options = new() { MaxHistorySpan = TimeSpan.FromDays(31), MaxHistoryRequestsPerHour = 3 };

    [Fact]
    public void A_span_longer_than_the_setting_is_refused_and_takes_no_slot()
    {
        var limit = new HistoryLimit(_options);
        Assert.Equal(HistoryRefusal.SpanTooLong, limit.TryStart(TimeSpan.FromDays(31) + TimeSpan.FromSeconds(1), Now));
        Assert.Equal(HistoryRefusal.SpanTooLong, limit.TryStart(TimeSpan.FromDays(3650), Now));
        Assert.Equal(HistoryRefusal.None, limit.TryStart(TimeSpan.FromDays(31), Now));
    }

    [Fact]
    public void One_request_runs_at_a_time()
    {
        var limit = new HistoryLimit(_options);
        Assert.Equal(HistoryRefusal.None, limit.TryStart(TimeSpan.FromHours(1), Now));
        Assert.Equal(HistoryRefusal.Busy, limit.TryStart(TimeSpan.FromHours(1), Now));
        limit.Finish();
        Assert.Equal(HistoryRefusal.None, limit.TryStart(TimeSpan.FromHours(1), Now));
    }

    [Fact]
    public void At_most_the_hourly_quota_start_in_any_hour()
    {
        var limit = new HistoryLimit(_options);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HistoryRefusal.None, limit.TryStart(TimeSpan.FromHours(1), Now.AddMinutes(i)));
            limit.Finish();
        }
        Assert.Equal(HistoryRefusal.TooOften, limit.TryStart(TimeSpan.FromHours(1), Now.AddMinutes(59)));
        // An hour after the first, one slot is free again, and only one.
        Assert.Equal(HistoryRefusal.None, limit.TryStart(TimeSpan.FromHours(1), Now.AddMinutes(60)));
        limit.Finish();
        Assert.Equal(HistoryRefusal.TooOften, limit.TryStart(TimeSpan.FromHours(1), Now.AddMinutes(60.5)));
    }
}
