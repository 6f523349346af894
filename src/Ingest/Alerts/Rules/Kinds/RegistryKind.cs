using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>Above <see cref="NoiseFloor"/> for <see cref="For"/> at an enterprise whose registry
/// status is <see cref="RequiredStatus"/> (a shut-down enterprise drawing power).</summary>
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

    protected override Verdict OnReading(in SeriesReading reading, RegistryState state)
    {
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
