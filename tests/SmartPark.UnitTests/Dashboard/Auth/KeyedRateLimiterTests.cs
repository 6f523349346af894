using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class KeyedRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_key_gets_its_burst_then_waits_for_the_refill_and_others_are_unaffected()
    {
        var limiter = new KeyedRateLimiter(_time, permits: 3, window: TimeSpan.FromMinutes(1), maxKeys: 100);
        for (var i = 0; i < 3; i++)
            Assert.True(limiter.TryAcquire("10.0.0.1", out _));

        Assert.False(limiter.TryAcquire("10.0.0.1", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(20), wait); // one permit per 60 s / 3
        Assert.True(limiter.TryAcquire("10.0.0.2", out _));

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(limiter.TryAcquire("10.0.0.1", out wait));
        Assert.InRange(wait, TimeSpan.FromMilliseconds(999), TimeSpan.FromMilliseconds(1001));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire("10.0.0.1", out _));
        Assert.False(limiter.TryAcquire("10.0.0.1", out _));
    }

    [Fact]
    public void A_quiet_key_refills_to_its_burst_and_no_further()
    {
        var limiter = new KeyedRateLimiter(_time, permits: 2, window: TimeSpan.FromMinutes(1), maxKeys: 100);
        Assert.True(limiter.TryAcquire("u", out _));
        Assert.True(limiter.TryAcquire("u", out _));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(limiter.TryAcquire("u", out _));
        Assert.True(limiter.TryAcquire("u", out _));
        Assert.False(limiter.TryAcquire("u", out _));
    }
}
