using SmartPark.Platform.Resilience;

namespace SmartPark.UnitTests.Platform;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_cap_and_jitter_only_shortens_them()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), jitter: 0.5, new Random(7));
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var full = Math.Min(60, Math.Pow(2, attempt - 1));
            var delay = backoff.Delay(attempt).TotalSeconds;
            Assert.InRange(delay, full / 2, full);
        }
    }

    [Fact]
    public void Without_jitter_the_delay_is_exact()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.Delay(4));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(10));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(int.MaxValue));
    }

    [Fact]
    public void A_count_below_one_is_the_first_delay()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(250), backoff.Delay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(250), backoff.Delay(-5));
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Delay(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(1, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Delay(3, TimeSpan.FromSeconds(1)));
    }
}
