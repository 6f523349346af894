namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A two-state detector (smoke, flame): 1 is its own alarm, not a computed threshold.</summary>
public sealed class DetectorKind : SeriesKind
{
    private static readonly RuleKindTitles KindTitles = new("探测器报警", "detector");

    public override string Name => "detector";

    public override RuleKindTitles Titles => KindTitles;

    public override IEnumerable<string> Missing() => [];

    public override Verdict OnReading(in SeriesReading reading, RuleState? state) => new(reading.Value >= 1, reading.Value);
}
