namespace SmartPark.ParkData.Vocabulary;

/// <summary>
/// The stages a renovation project goes through, in order. A park being upgraded, converted or
/// relocated goes from approval to operation; a park shut down goes from the closure decision to
/// a cleared site.
/// </summary>
public static class StageKind
{
    /// <summary>立项审批</summary>
    public const string Approval = "approval";

    /// <summary>规划设计</summary>
    public const string Design = "design";

    /// <summary>施工建设</summary>
    public const string Construction = "construction";

    /// <summary>竣工验收</summary>
    public const string Acceptance = "acceptance";

    /// <summary>投产运营</summary>
    public const string Operation = "operation";

    /// <summary>关停决定</summary>
    public const string ClosureDecision = "closure_decision";

    /// <summary>停产断电</summary>
    public const string ProductionStopped = "production_stopped";

    /// <summary>设备拆除</summary>
    public const string EquipmentRemoved = "equipment_removed";

    /// <summary>场地清理</summary>
    public const string SiteCleared = "site_cleared";

    public static IReadOnlyList<string> Renovation { get; } = [Approval, Design, Construction, Acceptance, Operation];

    public static IReadOnlyList<string> Closure { get; } = [ClosureDecision, ProductionStopped, EquipmentRemoved, SiteCleared];

    public static IReadOnlyList<string> All { get; } = [.. Renovation, .. Closure];

    /// <summary>The stages of a project of this <see cref="ParkCategory">kind</see>, in order.</summary>
    public static IReadOnlyList<string> For(string projectKind) =>
        projectKind == ParkCategory.Eliminate ? Closure : Renovation;
}
