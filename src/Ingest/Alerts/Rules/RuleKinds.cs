namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>The kinds of rule the engine evaluates (docs/architecture.md "Alerts").</summary>
public static class RuleKinds
{
    /// <summary>Any single reading above <c>Limit</c>.</summary>
    public const string Threshold = "threshold";
    /// <summary>The mean over <c>Window</c> above <c>Limit</c>; also evaluated on a timer.</summary>
    public const string Window = "window";
    /// <summary>Rise faster than <c>RatePerMinute</c> over <c>Window</c>.</summary>
    public const string Rate = "rate";
    /// <summary>A two-state detector reading 1 (smoke, flame).</summary>
    public const string Detector = "detector";
    /// <summary>A device silent for <c>Intervals</c> of its usual interval: offline.</summary>
    public const string Absence = "absence";
    /// <summary>A normally noisy sensor unchanged for <c>FlatFor</c>: stuck.</summary>
    public const string Flatline = "flatline";
    /// <summary>Above <c>NoiseFloor</c> for <c>For</c> at an enterprise whose registry status is <c>RequiredStatus</c>.</summary>
    public const string Registry = "registry";
    /// <summary>Every rule in <c>Requires</c> true at one enterprise within <c>Window</c>.</summary>
    public const string Combination = "combination";

    public static IReadOnlyList<string> All { get; } = [Threshold, Window, Rate, Detector, Absence, Flatline, Registry, Combination];
}
