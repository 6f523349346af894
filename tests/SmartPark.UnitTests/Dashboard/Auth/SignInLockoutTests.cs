using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class SignInLockoutTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private SignInLockout Lockout(int maxKeys = 100) => new(_time, threshold: 5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), maxKeys);

    [Fact]
    public void Five_failures_lock_for_a_minute_and_each_further_failure_doubles_it_up_to_an_hour()
    {
        var lockout = Lockout();
        for (var i = 0; i < 4; i++)
            Assert.Equal(TimeSpan.Zero, lockout.RecordFailure("op"));
        Assert.False(lockout.IsLocked("op", out _));

        var expected = new[] { 1, 2, 4, 8, 16, 32, 60, 60 };
        foreach (var minutes in expected)
        {
            var locked = lockout.RecordFailure("op");
            Assert.Equal(TimeSpan.FromMinutes(minutes), locked);
            Assert.True(lockout.IsLocked("op", out var until));
            Assert.Equal(_time.GetUtcNow() + locked, until);
            _time.Advance(locked - TimeSpan.FromSeconds(1));
            Assert.True(lockout.IsLocked("op", out _));
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(lockout.IsLocked("op", out _));
        }
    }

    [Fact]
    public void A_success_resets_the_count()
    {
        var lockout = Lockout();
        for (var i = 0; i < 4; i++)
            lockout.RecordFailure("op");
        lockout.RecordSuccess("op");
        for (var i = 0; i < 4; i++)
            Assert.Equal(TimeSpan.Zero, lockout.RecordFailure("op"));
        Assert.False(lockout.IsLocked("op", out _));
    }

    [Fact]
    public void Failures_are_forgotten_an_hour_after_the_last_lock_ends()
    {
        var lockout = Lockout();
        for (var i = 0; i < 5; i++)
            lockout.RecordFailure("op");
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.Zero, lockout.RecordFailure("op")); // a fresh count, not a 2-minute lock
    }

    [Fact]
    public void Any_name_locks_alike_whether_or_not_such_a_user_exists()
    {
        // The tracker never consults the users: "nobody" locks exactly as "op" does, so a lockout
        // (or its absence) cannot tell an attacker which names are real.
        var lockout = Lockout();
        for (var i = 0; i < 5; i++)
            Assert.Equal(lockout.RecordFailure("op"), lockout.RecordFailure("nobody"));
        Assert.True(lockout.IsLocked("nobody", out _));
    }

    [Fact]
    public void Memory_stays_bounded_under_a_flood_of_names()
    {
        var lockout = Lockout(maxKeys: 10);
        for (var i = 0; i < 5; i++)
            lockout.RecordFailure("victim");
        Assert.True(lockout.IsLocked("victim", out _));
        for (var i = 0; i < 10_000; i++)
            lockout.RecordFailure("spray" + i);
        // The oldest entry made room: the bound is what an attacker spraying names trades against.
        Assert.False(lockout.IsLocked("victim", out _));
    }
}
