using Microsoft.Extensions.Time.Testing;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.UnitTests.Platform;

public sealed class OutageLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_outage_is_reported_when_it_starts_then_once_a_minute_then_when_it_ends()
    {
        var log = new OutageLog(_time, TimeSpan.FromMinutes(1));
        var reported = new List<TimeSpan>();
        // Five minutes of failures every 5 s, as the rollup loop retries.
        for (var i = 0; i <= 60; i++)
        {
            if (log.Failed(out var downFor))
                reported.Add(downFor);
            _time.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.Equal([0, 1, 2, 3, 4, 5], reported.Select(d => d.TotalMinutes));
        Assert.True(log.IsDown);

        Assert.True(log.Succeeded(out var lasted));
        Assert.Equal(TimeSpan.FromSeconds(305), lasted);
        Assert.False(log.IsDown);
        Assert.False(log.Succeeded(out _));
    }

    [Fact]
    public void A_new_outage_after_recovery_is_reported_at_once()
    {
        var log = new OutageLog(_time, TimeSpan.FromMinutes(1));
        Assert.True(log.Failed(out _));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(log.Succeeded(out _));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(log.Failed(out var downFor));
        Assert.Equal(TimeSpan.Zero, downFor);
        Assert.False(log.Failed(out _));
    }

    [Fact]
    public void Success_without_an_outage_reports_nothing()
    {
        var log = new OutageLog(_time, TimeSpan.FromMinutes(1));
        Assert.False(log.Succeeded(out var downFor));
        Assert.Equal(TimeSpan.Zero, downFor);
    }
}
