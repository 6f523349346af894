using System.Globalization;
using MiniExcelLibs;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// The report as an XLSX workbook (MiniExcel): seven sheets, each table headed by a row in Chinese
/// and the same headings in English beneath it; names of parks, projects and enterprises in a
/// Chinese and an English column. Dates are written as ISO text, so they read the same in every
/// locale's spreadsheet and in the golden file.
/// </summary>
public static class QuarterlyReportWorkbook
{
    public const string SummarySheet = "概况 Summary";
    public const string ParksSheet = "园区 Parks";
    public const string ProjectsSheet = "项目进度 Projects";
    public const string BehindSheet = "滞后项目 Behind schedule";
    public const string FindingsSheet = "监测发现 Monitoring findings";
    public const string EnergySheet = "能耗与能效 Energy and efficiency";
    public const string RectificationSheet = "隐患整改 Rectification";

    public static IReadOnlyList<string> SheetNames { get; } = [SummarySheet, ParksSheet, ProjectsSheet, BehindSheet, FindingsSheet, EnergySheet, RectificationSheet];

    public static void Write(QuarterlyReport report, Stream stream)
    {
        var sheets = new Dictionary<string, object>
        {
            [SummarySheet] = Rows(Summary(report)),
            [ParksSheet] = Rows(Parks(report)),
            [ProjectsSheet] = Rows(Projects(report)),
            [BehindSheet] = Rows(Behind(report)),
            [FindingsSheet] = Rows(Findings(report)),
            [EnergySheet] = Rows(Energy(report)),
            [RectificationSheet] = Rows(Rectification(report)),
        };
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
    }

    public static byte[] ToBytes(QuarterlyReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    private static IEnumerable<object?[]> Summary(QuarterlyReport r)
    {
        var s = r.Summary;
        yield return ["指标", "数值", "说明"];
        yield return ["Item", "Value", "Note"];
        yield return ["区 District", Names(r.District.NameZh, r.District.NameEn), Names(r.District.CityNameZh, r.District.CityNameEn)];
        yield return ["季度 Quarter", r.Quarter, $"{Day(r.PeriodStart)} – {Day(r.PeriodEnd)} (UTC+8)"];
        yield return ["统计截至 As of", Day(r.AsOf), null];
        yield return ["园区数 Parks", s.Parks, null];
        yield return ["园区面积（公顷） Park area (ha)", s.AreaHectares, null];
        yield return ["改造项目 Renovation projects", s.Projects, null];
        yield return ["已完成项目 Projects completed", s.ProjectsCompleted, null];
        yield return ["滞后项目 Projects behind schedule", s.ProjectsBehind, null];
        yield return ["已完成改造面积（平方公里） Renovated area (km²)", s.RenovatedKm2, "已完成项目的面积 area of completed projects"];
        yield return ["改造目标（平方公里） Renovation target (km²)", s.TargetKm2, "规划表 the plan's table"];
        yield return ["完成比例（%） Share of target (%)", s.TargetSharePercent, null];
        yield return ["计划投资（万元） Planned investment (10k CNY)", s.PlannedInvestment, null];
        yield return ["实际投资（万元） Actual investment (10k CNY)", s.ActualInvestment, null];
        yield return ["排放超标 Emission exceedances", s.EmissionExceedances, "本季度触发的告警 alerts raised this quarter"];
        yield return ["关停企业用电 Shut-down enterprises drawing power", s.ShutDownDrawingPower, null];
        yield return ["火灾报警 Fire alarms", s.FireAlarms, null];
        yield return ["设备离线（小时） Device downtime (h)", s.DowntimeHours, null];
        yield return [];
        yield return ["类别", "批次", "园区数", "面积（公顷）"];
        yield return ["Category", "Batch", "Parks", "Area (ha)"];
        foreach (var c in r.Categories)
            yield return [ReportLabels.Category(c.Category), c.Batch, c.Parks, c.AreaHectares];
    }

    private static IEnumerable<object?[]> Parks(QuarterlyReport r)
    {
        yield return ["园区编号", "园区名称", "英文名称", "镇街", "类别", "批次", "面积（公顷）", "企业数", "主导产业"];
        yield return ["Park ID", "Name (Chinese)", "Name (English)", "Township", "Category", "Batch", "Area (ha)", "Enterprises", "Leading industry"];
        foreach (var p in r.Parks)
            yield return [p.Id, p.NameZh, p.NameEn, p.Township, ReportLabels.Category(p.Category), p.Batch, p.AreaHectares, p.Enterprises, p.LeadingIndustry];
    }

    private static IEnumerable<object?[]> Projects(QuarterlyReport r)
    {
        yield return ["园区", "园区英文名", "项目", "项目英文名", "类型", "面积（公顷）", "计划投资（万元）", "实际投资（万元）", "阶段", "计划日期", "实际日期", "状态"];
        yield return ["Park", "Park (English)", "Project", "Project (English)", "Kind", "Area (ha)", "Planned investment", "Actual investment", "Stage", "Planned", "Actual", "Status"];
        foreach (var p in r.Projects)
        {
            // One row per stage; the project's own columns only on its first, so totals add up.
            var first = true;
            foreach (var s in p.Stages.DefaultIfEmpty())
            {
                object?[] project = first
                    ? [p.ParkNameZh, p.ParkNameEn, p.NameZh, p.NameEn, ReportLabels.Category(p.Kind), p.AreaHectares, p.PlannedInvestment, p.ActualInvestment]
                    : [p.ParkNameZh, p.ParkNameEn, p.NameZh, p.NameEn, null, null, null, null];
                first = false;
                yield return s is null ? project : [.. project, ReportLabels.Stage(s.Kind), Day(s.Planned), Day(s.Actual), ReportLabels.Status(s.Status)];
            }
        }
    }

    private static IEnumerable<object?[]> Behind(QuarterlyReport r)
    {
        yield return ["园区", "园区英文名", "项目", "项目英文名", "逾期阶段", "最早计划日期", "逾期天数"];
        yield return ["Park", "Park (English)", "Project", "Project (English)", "Overdue stages", "Earliest planned", "Days overdue"];
        foreach (var b in r.Behind)
            yield return [b.ParkNameZh, b.ParkNameEn, b.NameZh, b.NameEn, string.Join("; ", b.OverdueStages.Select(ReportLabels.Stage)), Day(b.EarliestPlanned), b.DaysOverdue];
    }

    private static IEnumerable<object?[]> Findings(QuarterlyReport r)
    {
        yield return ["园区", "园区英文名", "排放超标", "关停企业用电", "火灾报警", "离线设备数", "离线时长（小时）"];
        yield return ["Park", "Park (English)", "Emission exceedances", "Shut-down drawing power", "Fire alarms", "Devices offline", "Downtime (h)"];
        foreach (var f in r.Findings)
            yield return [f.ParkNameZh, f.ParkNameEn, f.EmissionExceedances, f.ShutDownDrawingPower, f.FireAlarms, f.DevicesOffline, f.DowntimeHours];
        yield return [];
        yield return ["园区", "企业", "企业英文名", "设备", "离线次数", "离线时长（小时）"];
        yield return ["Park", "Enterprise", "Enterprise (English)", "Device", "Outages", "Downtime (h)"];
        foreach (var d in r.Downtime)
            yield return [d.ParkNameZh, d.EnterpriseNameZh ?? d.EnterpriseId, d.EnterpriseNameEn, d.Device, d.Outages, d.Hours];
    }

    private static IEnumerable<object?[]> Energy(QuarterlyReport r)
    {
        yield return ["园区", "园区英文名", "用电量（kWh）", "综合能耗（吨标准煤）", "电表数据覆盖率"];
        yield return ["Park", "Park (English)", "Electricity (kWh)", "Energy (tce)", "Meter coverage"];
        foreach (var park in r.Energy.Parks)
            yield return [park.ParkNameZh, park.ParkNameEn, park.Kwh, park.Tce, park.Coverage];
        yield return ["合计 Total", null, r.Energy.Kwh, r.Energy.Tce, null];
        if (r.Efficiency is not { } e)
            yield break;
        yield return [];
        yield return [$"{e.Year} 年能效评价", $"{e.Year} efficiency evaluation"];
        yield return ["等级", "企业数", "低效"];
        yield return ["Grade", "Enterprises", "Low efficiency"];
        foreach (var g in e.Grades)
            yield return [g.Grade, g.Enterprises, g.LowEfficiency ? "是 Yes" : "否 No"];
        yield return ["未评级 Not graded", e.NotGraded, null];
        yield return [];
        yield return ["园区", "园区英文名", "企业", "企业英文名", "等级", "得分", "低效用地（亩）"];
        yield return ["Park", "Park (English)", "Enterprise", "Enterprise (English)", "Grade", "Score", "Low-efficiency land (mu)"];
        foreach (var l in e.LowEfficiency)
            yield return [l.ParkNameZh, l.ParkNameEn, l.EnterpriseNameZh, l.EnterpriseNameEn, l.Grade, l.Score, l.LandMu];
        yield return ["合计 Total", null, null, null, null, null, e.LowEfficiencyMu];
        yield return [];
        yield return ["园区", "园区英文名", "企业", "企业英文名", "协议指标", "承诺值", "实际值", "单位"];
        yield return ["Park", "Park (English)", "Enterprise", "Enterprise (English)", "Agreement target", "Promised", "Achieved", "Unit"];
        foreach (var b in e.Breaches)
            yield return [b.ParkNameZh, b.ParkNameEn, b.EnterpriseNameZh, b.EnterpriseNameEn, $"{b.TargetZh} {b.TargetEn}", b.Promised, b.Achieved, b.Unit];
    }

    private static IEnumerable<object?[]> Rectification(QuarterlyReport r)
    {
        var x = r.Rectification ?? new ReportRectification(0, 0, 0, 0, []);
        yield return ["指标", "数值"];
        yield return ["Item", "Value"];
        yield return ["本季度下达整改 Orders issued in the quarter", x.Issued];
        yield return ["本季度销号 Orders closed in the quarter", x.Closed];
        yield return ["季末未销号 Open at the quarter's end", x.OpenAtEnd];
        yield return ["逾期未整改 Overdue", x.Overdue];
        yield return [];
        yield return ["园区", "园区英文名", "企业", "企业英文名", "整改单号", "隐患类别", "隐患描述", "整改期限", "状态", "逾期天数"];
        yield return ["Park", "Park (English)", "Enterprise", "Enterprise (English)", "Order", "Hazard", "Description", "Deadline", "State", "Days overdue"];
        foreach (var o in x.OverdueOrders)
            yield return [o.ParkNameZh, o.ParkNameEn, o.EnterpriseNameZh ?? o.EnterpriseId, o.EnterpriseNameEn, o.OrderId, ReportLabels.Hazard(o.Hazard), o.Description, Day(o.Deadline), ReportLabels.OrderState(o.State), o.DaysOverdue];
    }

    /// <summary>Rows keyed by column letter, as MiniExcel writes dictionaries without a header row.</summary>
    private static List<Dictionary<string, object?>> Rows(IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        return list.Select(r => Enumerable.Range(0, width).ToDictionary(Column, i => i < r.Length ? r[i] : null)).ToList();
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static string Names(string zh, string en) => ReportLabels.Name(zh, en);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
