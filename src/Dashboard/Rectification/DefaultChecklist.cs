using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// The checklist a park starts from (it edits its own afterwards): the things a walk through a
/// workshop in a village-level park checks for the hazards SmartPark watches. The items name what
/// to look at, not a clause: a park's safety officer adds its own with the standards it applies.
/// </summary>
public static class DefaultChecklist
{
    public const string NameZh = "企业安全巡查表";
    public const string NameEn = "Enterprise safety walk";

    public static IReadOnlyList<ChecklistItem> Items { get; } =
    [
        new("panel-closed", "配电箱柜门关闭、无裸露带电部位、标识清楚", "Distribution boards closed, no exposed live parts, labelled", HazardCategories.Electrical),
        new("no-daisy-chain", "无私拉乱接电线、无插线板串接", "No improvised wiring, no chained power strips", HazardCategories.Electrical),
        new("rcd-test", "剩余电流保护器试验按钮动作正常", "Residual-current devices trip on their test button", HazardCategories.Electrical),
        new("gas-detector", "可燃气体探测器在线、报警器正常", "Combustible-gas detectors online and sounding", HazardCategories.Gas),
        new("gas-valve", "燃气管道阀门完好、无泄漏气味", "Gas piping and valves intact, no smell of gas", HazardCategories.Gas),
        new("extinguishers", "灭火器配置到位、压力正常、在有效期内", "Extinguishers in place, pressure in the green, in date", HazardCategories.Fire),
        new("exits-clear", "疏散通道、安全出口畅通，未锁闭", "Escape routes and exits clear and unlocked", HazardCategories.Fire),
        new("emergency-lights", "应急照明和疏散指示标志完好", "Emergency lighting and exit signs working", HazardCategories.Fire),
        new("hydrant-pressure", "消火栓及喷淋管网压力表读数正常", "Hydrant and sprinkler pressure gauges read normal", HazardCategories.FireWater),
        new("tank-level", "消防水池/水箱水位正常", "Fire-water pool or tank at its level", HazardCategories.FireWater),
        new("treatment-running", "废气处理设施与生产同步运行", "Exhaust treatment runs whenever production does", HazardCategories.Emission),
        new("chemicals-stored", "危险化学品分类存放、标识清楚、数量不超限", "Hazardous chemicals stored apart, labelled, within limits", HazardCategories.Other),
    ];
}
