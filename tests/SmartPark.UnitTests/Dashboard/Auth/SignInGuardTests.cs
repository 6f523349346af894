using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class SignInGuardTests : IDisposable
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _refused = [];

    public SignInGuardTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SecurityMetrics.MeterName && instrument.Name == "smartpark.dashboard.signin.refused")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = (string)tags.ToArray().Single(t => t.Key == "reason").Value!;
            _refused[reason] = _refused.GetValueOrDefault(reason) + value;
        });
        _listener.Start();
    }

    private SignInGuard Guard(SignInOptions options) =>
        new(Options.Create(options), _time, new SecurityMetrics(_services.GetRequiredService<IMeterFactory>()), NullLogger<SignInGuard>.Instance);

    [Fact]
    public void An_address_over_its_limit_is_refused_with_a_wait_whatever_name_it_tries()
    {
        var guard = Guard(new SignInOptions { AttemptsPerAddress = 3, AttemptsPerUser = 100 });
        for (var i = 0; i < 3; i++)
            Assert.True(guard.Admit(Client, "name" + i).Proceed);
        var refused = guard.Admit(Client, "another");
        Assert.False(refused.Proceed);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.RetryAfter);
        Assert.True(guard.Admit(IPAddress.Parse("192.0.2.11"), "another").Proceed);
        Assert.Equal(1, _refused["address_rate"]);
    }

    [Fact]
    public void A_user_name_over_its_limit_is_refused_from_any_address()
    {
        var guard = Guard(new SignInOptions { AttemptsPerAddress = 100, AttemptsPerUser = 2 });
        Assert.True(guard.Admit(IPAddress.Parse("192.0.2.1"), "op").Proceed);
        Assert.True(guard.Admit(IPAddress.Parse("192.0.2.2"), "op").Proceed);
        Assert.NotNull(guard.Admit(IPAddress.Parse("192.0.2.3"), "op").RetryAfter);
        Assert.Equal(1, _refused["user_rate"]);
    }

    [Fact]
    public void Addresses_of_one_IPv6_64_share_a_limit()
    {
        Assert.Equal(SignInGuard.ClientKey(IPAddress.Parse("2001:db8:1:2::1")), SignInGuard.ClientKey(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(SignInGuard.ClientKey(IPAddress.Parse("2001:db8:1:2::1")), SignInGuard.ClientKey(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.10", SignInGuard.ClientKey(IPAddress.Parse("::ffff:192.0.2.10")));
    }

    [Fact]
    public void A_locked_name_is_answered_as_a_wrong_password_without_a_wait_and_unlocks_after_its_time()
    {
        var guard = Guard(new SignInOptions { AttemptsPerAddress = 100, AttemptsPerUser = 100 });
        for (var i = 0; i < 5; i++)
        {
            Assert.True(guard.Admit(Client, "nobody").Proceed);
            guard.Failed(Client, "nobody");
        }
        var locked = guard.Admit(Client, "nobody");
        Assert.Equal(SignInAdmission.Wrong, locked);
        Assert.Equal(1, _refused["locked"]);
        Assert.Equal(5, _refused["wrong_credentials"]);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(guard.Admit(Client, "nobody").Proceed);
    }

    [Fact]
    public void An_absurdly_long_name_is_answered_as_wrong_before_any_work()
    {
        var guard = Guard(new SignInOptions());
        Assert.Equal(SignInAdmission.Wrong, guard.Admit(Client, new string('a', 129)));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
