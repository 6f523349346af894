using Microsoft.Extensions.Time.Testing;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.UnitTests.Platform;

public sealed class LogThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_repeating_event_is_logged_once_a_minute_with_the_count_held_back()
    {
        var throttle = new LogThrottle(_time, TimeSpan.FromMinutes(1));
        var logged = new List<long>();
        // Three minutes of one bad payload a second.
        for (var i = 0; i < 180; i++)
        {
            if (throttle.ShouldLog("d1/NaN", out var heldBack))
                logged.Add(heldBack);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([0L, 59, 59], logged);
    }

    [Fact]
    public void Keys_are_throttled_apart()
    {
        var throttle = new LogThrottle(_time, TimeSpan.FromMinutes(1));
        Assert.True(throttle.ShouldLog("d1/NaN", out _));
        Assert.True(throttle.ShouldLog("d2/NaN", out _));
        Assert.True(throttle.ShouldLog("d1/unknown_quantity", out _));
        Assert.False(throttle.ShouldLog("d1/NaN", out _));
    }

    [Fact]
    public void Memory_stays_bounded_when_keys_keep_coming()
    {
        var throttle = new LogThrottle(_time, TimeSpan.FromMinutes(1), maxKeys: 3);
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
            Assert.True(throttle.ShouldLog(key, out _));
        // "a" was forgotten when the table filled: it is logged again, as if new.
        Assert.True(throttle.ShouldLog("a", out var heldBack));
        Assert.Equal(0, heldBack);
    }
}
