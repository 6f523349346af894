using SmartPark.Dashboard.Supervision.Findings;

namespace SmartPark.UnitTests.Dashboard.Reports;

/// <summary>Offline time from the device-offline alert's transitions, clipped to the period.</summary>
public sealed class DowntimeCalculatorTests
{
    private static readonly DateTimeOffset From = new(2026, 6, 30, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = From.AddDays(92);

    private static OfflineTransition At(double hours, string state) => new(From.AddHours(hours), state);

    [Fact]
    public void Offline_runs_from_raised_to_cleared_and_an_acknowledgement_does_not_end_it()
    {
        var (offline, outages) = DowntimeCalculator.Compute(false,
            [At(10, "active"), At(11, "acknowledged"), At(13, "cleared"), At(13, "closed"), At(20, "active"), At(20.5, "cleared")], From, Until);
        Assert.Equal((TimeSpan.FromHours(3.5), 2), (offline, outages));
    }

    [Fact]
    public void An_outage_open_at_the_start_counts_from_the_start_and_one_open_at_the_end_up_to_the_end()
    {
        var (offline, outages) = DowntimeCalculator.Compute(true, [At(2, "cleared"), At(92 * 24 - 1, "active")], From, Until);
        Assert.Equal((TimeSpan.FromHours(3), 2), (offline, outages));
    }

    [Fact]
    public void Transitions_outside_the_period_are_ignored()
    {
        var (offline, outages) = DowntimeCalculator.Compute(false, [At(-5, "active"), At(-1, "cleared"), At(92 * 24 + 1, "active")], From, Until);
        Assert.Equal((TimeSpan.Zero, 0), (offline, outages));
    }

    [Theory]
    [InlineData("nmhc-inplant-1h-gd", "window", true, FindingKinds.EmissionExceedance)]
    [InlineData("my-so2-limit", "threshold", true, FindingKinds.EmissionExceedance)]
    [InlineData("shut-down-drawing-power", "registry", true, FindingKinds.ShutDownDrawingPower)]
    [InlineData("smoke", "detector", false, FindingKinds.FireAlarm)]
    [InlineData("fire-confirmed", "combination", false, FindingKinds.FireAlarm)]
    [InlineData("device-offline", "absence", false, FindingKinds.DeviceOffline)]
    [InlineData("nmhc-stuck", "flatline", false, null)]
    public void Each_rule_counts_as_one_finding_or_none(string rule, string kind, bool bureau, string? expected) =>
        Assert.Equal(expected, FindingKinds.Of(rule, kind, bureau));
}
