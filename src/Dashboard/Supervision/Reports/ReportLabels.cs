using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// The workbook's words in Chinese and English (the printable page has the same ones in
/// wwwroot/i18n, under <c>report.*</c>). A code the list does not know is shown as itself.
/// </summary>
public static class ReportLabels
{
    private static readonly Dictionary<string, (string Zh, string En)> Categories = new(StringComparer.Ordinal)
    {
        [ParkCategory.Eliminate] = ("淘汰关停", "Shut down"),
        [ParkCategory.Relocate] = ("合并搬迁", "Merged or relocated"),
        [ParkCategory.Convert] = ("功能转换", "Converted"),
        [ParkCategory.Upgrade] = ("改造提升", "Upgraded"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Stages = new(StringComparer.Ordinal)
    {
        [StageKind.Approval] = ("立项审批", "Approval"),
        [StageKind.Design] = ("规划设计", "Design"),
        [StageKind.Construction] = ("施工建设", "Construction"),
        [StageKind.Acceptance] = ("竣工验收", "Acceptance"),
        [StageKind.Operation] = ("投产运营", "Operation"),
        [StageKind.ClosureDecision] = ("关停决定", "Closure decision"),
        [StageKind.ProductionStopped] = ("停产断电", "Production stopped"),
        [StageKind.EquipmentRemoved] = ("设备拆除", "Equipment removed"),
        [StageKind.SiteCleared] = ("场地清理", "Site cleared"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Statuses = new(StringComparer.Ordinal)
    {
        [StageStatus.Done] = ("已完成", "Done"),
        [StageStatus.Overdue] = ("逾期", "Overdue"),
        [StageStatus.Pending] = ("未到期", "Not yet due"),
        [StageStatus.Unplanned] = ("未排期", "Not planned"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Hazards = new(StringComparer.Ordinal)
    {
        [ParkData.Rectification.HazardCategories.Electrical] = ("电气", "Electrical"),
        [ParkData.Rectification.HazardCategories.Gas] = ("燃气", "Gas"),
        [ParkData.Rectification.HazardCategories.Fire] = ("消防", "Fire"),
        [ParkData.Rectification.HazardCategories.FireWater] = ("消防水", "Fire water"),
        [ParkData.Rectification.HazardCategories.Emission] = ("环保排放", "Emission"),
        [ParkData.Rectification.HazardCategories.Other] = ("其他", "Other"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> OrderStates = new(StringComparer.Ordinal)
    {
        [ParkData.Rectification.RectificationStates.Open] = ("待整改", "Open"),
        [ParkData.Rectification.RectificationStates.Replied] = ("已回复", "Replied"),
        [ParkData.Rectification.RectificationStates.Verified] = ("已验证", "Verified"),
        [ParkData.Rectification.RectificationStates.Closed] = ("已销号", "Closed"),
    };

    public static string Hazard(string code) => Both(Hazards, code);

    public static string OrderState(string code) => Both(OrderStates, code);

    public static string Category(string? code) => code is null ? "未分类 Unclassified" : Both(Categories, code);

    public static string Stage(string code) => Both(Stages, code);

    public static string Status(string code) => Both(Statuses, code);

    /// <summary>A name in both languages, Chinese first: "石门工业园 Shimen Industrial Park".</summary>
    public static string Name(string? zh, string? en) =>
        string.IsNullOrWhiteSpace(en) || en == zh ? zh ?? "" : $"{zh} {en}";

    private static string Both(Dictionary<string, (string Zh, string En)> labels, string code) =>
        labels.TryGetValue(code, out var label) ? $"{label.Zh} {label.En}" : code;
}
