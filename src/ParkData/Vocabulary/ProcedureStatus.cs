namespace SmartPark.ParkData.Vocabulary;

/// <summary>
/// How far a park's formal procedures have got: land use (用地手续), planning (规划) and the
/// environmental impact assessment (环评). One scale for the three, so sheets and filters share it.
/// </summary>
public static class ProcedureStatus
{
    /// <summary>完备: complete and approved.</summary>
    public const string Complete = "complete";

    /// <summary>办理中: in progress.</summary>
    public const string InProgress = "in_progress";

    /// <summary>部分: partly complete (some plots or buildings lack them).</summary>
    public const string Partial = "partial";

    /// <summary>缺失: none.</summary>
    public const string Missing = "missing";

    public static IReadOnlyList<string> All { get; } = [Complete, InProgress, Partial, Missing];
}
