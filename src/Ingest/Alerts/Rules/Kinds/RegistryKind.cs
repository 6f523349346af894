using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>Above <see cref="NoiseFloor"/> for <see cref="For"/> at an enterprise whose registry
/// status is <see cref="RequiredStatus"/> (a shut-down enterprise drawing power), optionally only
/// within a time of day (<see cref="LocalFrom"/>–<see cref="LocalUntil"/>, China time: wastewater
/// let out at night, when no inspector is about).</summary>
public sealed class RegistryKind : SeriesKind<RegistryState>
{
    private static readonly RuleKindTitles KindTitles = new("登记状态", "registry status");

    public override string Name => "registry";

    public override RuleKindTitles Titles => KindTitles;

    [Description("Readings at or below this count as off.")]
    public double? NoiseFloor { get; set; }

    [Description("Above the noise floor this long raises the alert.")]
    public TimeSpan? For { get; set; }

    [Description("The enterprise's registry status the rule applies to, e.g. shut_down.")]
    public string? RequiredStatus { get; set; }

    [Description("Start of the time of day the rule watches, China time (e.g. 22:00); with LocalUntil. None: all day.")]
    public TimeSpan? LocalFrom { get; set; }

    [Description("End of the time of day the rule watches, China time, exclusive (e.g. 06:00: over midnight when earlier than LocalFrom).")]
    public TimeSpan? LocalUntil { get; set; }

    /// <summary>China Standard Time, UTC+8 all year: the parks' clocks.</summary>
    private static readonly long LocalOffsetMs = (long)TimeSpan.FromHours(8).TotalMilliseconds;

    public override double? AlertLimit => NoiseFloor;

    public override IEnumerable<string> Missing()
    {
        if (NoiseFloor is null)
            yield return nameof(NoiseFloor);
        if (For is null)
            yield return nameof(For);
        if (RequiredStatus is null)
            yield return nameof(RequiredStatus);
    }

    public override IEnumerable<string> Invalid()
    {
        if (LocalFrom is null != LocalUntil is null)
            yield return "LocalFrom and LocalUntil go together";
        if (LocalFrom is { } from && (from < TimeSpan.Zero || from >= TimeSpan.FromDays(1)))
            yield return "LocalFrom must be a time of day (00:00 to 23:59:59)";
        if (LocalUntil is { } until && (until < TimeSpan.Zero || until >= TimeSpan.FromDays(1)))
            yield return "LocalUntil must be a time of day (00:00 to 23:59:59)";
    }

    /// <summary>Whether a reading's time falls in the watched time of day (always, without one).</summary>
    public bool InWindow(long tsMs)
    {
        if (LocalFrom is not { } from || LocalUntil is not { } until)
            return true;
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var timeOfDay = (((tsMs + LocalOffsetMs) % day) + day) % day;
        var start = (long)from.TotalMilliseconds;
        var end = (long)until.TotalMilliseconds;
        return start <= end ? timeOfDay >= start && timeOfDay < end : timeOfDay >= start || timeOfDay < end;
    }

    protected override Verdict OnReading(in SeriesReading reading, RegistryState state)
    {
        if (!InWindow(reading.Ts))
        {
            // Outside the watched hours nothing counts, and the time above the floor starts again at the next window.
            state.AboveFloorSinceTs = null;
            return new(false, reading.Value);
        }
        state.AboveFloorSinceTs = reading.Value > NoiseFloor ? state.AboveFloorSinceTs ?? reading.Ts : null;
        if (reading.Registry.StatusOf(reading.Device.Park, reading.Device.Enterprise) != RequiredStatus)
            return new(false, reading.Value);
        return new(state.AboveFloorSinceTs is { } since && reading.Ts - since >= (long)For!.Value.TotalMilliseconds, reading.Value);
    }
}

/// <summary>Since when (Unix ms) the value has stayed above the noise floor.</summary>
public sealed class RegistryState : RuleState
{
    public long? AboveFloorSinceTs { get; set; }
}
