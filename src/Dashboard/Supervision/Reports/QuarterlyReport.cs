namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// One district's quarterly report, as the workbook and the printable page show it. Codes
/// (category, stage, status) stay codes here: the workbook labels them in both languages, the page
/// through its dictionaries.
/// </summary>
public sealed record QuarterlyReport(
    ReportDistrict District,
    string Quarter,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly AsOf,
    DateTimeOffset GeneratedAt,
    ReportSummary Summary,
    IReadOnlyList<CategoryRow> Categories,
    IReadOnlyList<ParkRow> Parks,
    IReadOnlyList<ProjectRow> Projects,
    IReadOnlyList<BehindRow> Behind,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<DowntimeRow> Downtime,
    ReportEnergy Energy,
    ReportEfficiency? Efficiency,
    ReportRectification? Rectification = null);

public sealed record ReportDistrict(string Id, string NameZh, string NameEn, string CityNameZh, string CityNameEn);

public sealed record ReportSummary(
    int Parks, double AreaHectares, int Projects, int ProjectsCompleted, int ProjectsBehind,
    double RenovatedKm2, double? TargetKm2, double? TargetSharePercent,
    double PlannedInvestment, double ActualInvestment,
    int EmissionExceedances, int ShutDownDrawingPower, int FireAlarms, double DowntimeHours);

/// <summary>Parks and their area by the programme's decision and the batch it was published in.</summary>
public sealed record CategoryRow(string? Category, int? Batch, int Parks, double AreaHectares);

public sealed record ParkRow(string Id, string NameZh, string? NameEn, string? Township, string? Category, int? Batch, double AreaHectares, int Enterprises, string LeadingIndustry);

/// <summary>A stage as of the report's day: <see cref="StageStatus"/> says done, overdue, not yet due or not planned.</summary>
public sealed record StageRow(string Kind, DateOnly? Planned, DateOnly? Actual, string Status);

public sealed record ProjectRow(
    long Id, string ParkId, string ParkNameZh, string? ParkNameEn, string NameZh, string? NameEn, string Kind,
    double AreaHectares, double? PlannedInvestment, double? ActualInvestment, bool Completed, IReadOnlyList<StageRow> Stages);

/// <summary>A project with at least one overdue stage: which, since when, and how many days late.</summary>
public sealed record BehindRow(
    long ProjectId, string ParkId, string ParkNameZh, string? ParkNameEn, string NameZh, string? NameEn,
    IReadOnlyList<string> OverdueStages, DateOnly EarliestPlanned, int DaysOverdue);

public sealed record FindingRow(string ParkId, string ParkNameZh, string? ParkNameEn, int EmissionExceedances, int ShutDownDrawingPower, int FireAlarms, int DevicesOffline, double DowntimeHours);

public sealed record DowntimeRow(string ParkId, string ParkNameZh, string? ParkNameEn, string? EnterpriseId, string? EnterpriseNameZh, string? EnterpriseNameEn, string Device, int Outages, double Hours);

/// <summary>
/// The quarter's metered energy per park (from the stored months): electricity in kWh and the
/// standard coal of all metered energy (electricity, gas, steam) in tce; <see cref="EnergyRow.Coverage"/>
/// the electricity meters' mean share of the quarter with readings, null for a park without any.
/// </summary>
public sealed record ReportEnergy(double Kwh, double Tce, IReadOnlyList<EnergyRow> Parks);

public sealed record EnergyRow(string ParkId, string ParkNameZh, string? ParkNameEn, double? Kwh, double? Tce, double? Coverage);

/// <summary>
/// The district's efficiency evaluation of the last full year before the quarter's (null when that
/// year has no figures): how many enterprises got each grade and how many none, the low-efficiency
/// land and the supervision-agreement targets missed.
/// </summary>
public sealed record ReportEfficiency(int Year, IReadOnlyList<GradeCountRow> Grades, int NotGraded, double LowEfficiencyMu,
    IReadOnlyList<LowEfficiencyRow> LowEfficiency, IReadOnlyList<BreachRow> Breaches);

public sealed record GradeCountRow(string Grade, int Enterprises, bool LowEfficiency);

public sealed record LowEfficiencyRow(string ParkId, string ParkNameZh, string? ParkNameEn, string EnterpriseId, string EnterpriseNameZh, string? EnterpriseNameEn, string Grade, double? Score, double LandMu);

/// <summary>A missed agreement target: <see cref="Target"/> is the indicator's id (its titles in both languages beside it).</summary>
public sealed record BreachRow(string ParkId, string ParkNameZh, string? ParkNameEn, string EnterpriseId, string EnterpriseNameZh, string? EnterpriseNameEn,
    string Target, string TargetZh, string TargetEn, string? Unit, double Promised, double? Achieved);

/// <summary>A stage's status in a report.</summary>
public static class StageStatus
{
    public const string Done = "done";
    public const string Overdue = "overdue";
    public const string Pending = "pending";
    public const string Unplanned = "unplanned";
}
