using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications;

namespace SmartPark.UnitTests.Ingest;

public sealed class BureauWebhookOptionsTests
{
    private static BureauWebhookOptions Bind(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddBureauNotifications(configuration).BuildServiceProvider();
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

    [Theory]
    [InlineData("https://bureau.example/alerts", "k", null)]
    [InlineData("http://127.0.0.1:9000/hook", "k", null)]
    [InlineData("bureau.example/alerts", "k", "not an absolute http(s) address")]
    [InlineData("ftp://bureau.example/alerts", "k", "not an absolute http(s) address")]
    [InlineData("https://bureau.example/alerts", "", "no Bureau:Webhook:Secret")]
    public void Configuration_problems_are_named(string url, string secret, string? problem)
    {
        var options = Bind(("Bureau:Webhook:Url", url), ("Bureau:Webhook:Secret", secret), ("Bureau:Webhook:ReminderInterval", "00:30:00"));
        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ReminderInterval);
        if (problem is null)
            Assert.Null(options.Problem());
        else
            Assert.Contains(problem, options.Problem(), StringComparison.Ordinal);
    }
}
