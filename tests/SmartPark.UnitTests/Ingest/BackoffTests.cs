using SmartPark.Ingest.Notifications;

namespace SmartPark.UnitTests.Ingest;

public sealed class BackoffTests
{
    private static readonly BureauWebhookOptions Options = new()
    {
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(60),
        Jitter = 0.5,
    };

    [Fact]
    public void Delays_double_up_to_the_cap_and_jitter_only_shortens_them()
    {
        var backoff = new Backoff(Options, new Random(7));
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var full = Math.Min(60, Math.Pow(2, attempt - 1));
            var delay = backoff.Next(attempt).TotalSeconds;
            Assert.InRange(delay, full / 2, full);
        }
    }

    [Fact]
    public void Without_jitter_the_delay_is_exact()
    {
        var backoff = new Backoff(new BureauWebhookOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60), Jitter = 0 });
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(1));
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.Next(4));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Next(10));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Next(int.MaxValue));
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        var backoff = new Backoff(new BureauWebhookOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60), Jitter = 0 });
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Next(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Next(1, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Next(3, TimeSpan.FromSeconds(1)));
    }
}
