using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications.Bureau;

namespace SmartPark.UnitTests.Ingest;

public sealed class BureauWebhookOptionsTests
{
    private static BureauWebhookOptions Bind(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddBureauWebhook(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BureauWebhookOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_an_hour_between_reminders_and_no_url()
    {
        var options = Bind();
        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromHours(1), options.ReminderInterval);
    }

    [Fact]
    public void An_empty_url_disables_the_notifier()
    {
        // SMARTPARK_Bureau__Webhook__Url= (set but empty) is how a deployment turns it off.
        Assert.False(Bind(("Bureau:Webhook:Url", "")).Enabled);
    }

    private const string LongSecret = "unit-tests-only-webhook-secret-0123456789";

    [Theory]
    [InlineData("https://bureau.example/alerts", LongSecret, false, null)]
    [InlineData("http://127.0.0.1:9000/hook", LongSecret, true, null)]
    [InlineData("https://bureau.example/alerts", "0123456789abcdef0123456789abcdef", false, null)] // exactly 32 bytes
    [InlineData("http://127.0.0.1:9000/hook", LongSecret, false, "is plain http")]
    [InlineData("http://bureau.example/alerts?token=t0p", LongSecret, false, "'http://bureau.example/alerts' is plain http")]
    [InlineData("bureau.example/alerts", LongSecret, false, "not an absolute http(s) address")]
    [InlineData("ftp://bureau.example/alerts", LongSecret, false, "not an absolute http(s) address")]
    [InlineData("https://bureau.example/alerts", "", false, "no Bureau:Webhook:Secret")]
    [InlineData("https://bureau.example/alerts", "s3cret", false, "Bureau:Webhook:Secret is 6 bytes; at least 32 are required")]
    [InlineData("https://bureau.example/alerts", "0123456789abcdef0123456789abcde", false, "is 31 bytes")]
    public void Configuration_problems_are_named_and_stop_the_start(string url, string secret, bool allowHttp, string? problem)
    {
        (string, string?)[] settings = [("Bureau:Webhook:Url", url), ("Bureau:Webhook:Secret", secret), ("Bureau:Webhook:AllowHttp", allowHttp ? "true" : "false"), ("Bureau:Webhook:ReminderInterval", "00:30:00")];
        if (problem is null)
        {
            var options = Bind(settings);
            Assert.True(options.Enabled);
            Assert.Equal(TimeSpan.FromMinutes(30), options.ReminderInterval);
            Assert.Null(options.Problem());
            return;
        }
        // What ValidateOnStart runs when the host starts.
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(settings));
        Assert.Contains("Bureau webhook misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t0p", refused.Message, StringComparison.Ordinal);
    }
}
