using SmartPark.Ingest.Notifications;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class SinkRateLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_most_the_limit_in_any_window_and_the_wait_is_until_the_oldest_send_leaves_it()
    {
        var limit = new SinkRateLimit(3, TimeSpan.FromSeconds(10));
        Assert.True(limit.TryTake(T0, out _));
        Assert.True(limit.TryTake(T0.AddSeconds(4), out _));
        Assert.True(limit.TryTake(T0.AddSeconds(5), out _));

        Assert.False(limit.TryTake(T0.AddSeconds(6), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(4), wait);
        Assert.False(limit.TryTake(T0.AddSeconds(9.999), out _));

        Assert.True(limit.TryTake(T0.AddSeconds(10), out _));
        Assert.False(limit.TryTake(T0.AddSeconds(13), out wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Fact]
    public void A_refused_take_does_not_use_up_room()
    {
        var limit = new SinkRateLimit(1, TimeSpan.FromMinutes(1));
        Assert.True(limit.TryTake(T0, out _));
        for (var i = 1; i <= 100; i++)
            Assert.False(limit.TryTake(T0.AddSeconds(i * 0.5), out _));
        Assert.True(limit.TryTake(T0.AddMinutes(1), out _));
    }

    [Fact]
    public void Zero_is_no_limit()
    {
        var limit = new SinkRateLimit(0, TimeSpan.FromMinutes(1));
        Assert.True(limit.Unlimited);
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.True(limit.TryTake(T0.AddMilliseconds(i), out _)));
    }
}
