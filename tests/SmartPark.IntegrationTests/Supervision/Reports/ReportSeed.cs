using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Efficiency.Reports;
using SmartPark.Dashboard.Supervision.Findings;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.Efficiency.StandardCoal;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// A known district for the report tests: four Baiyun parks across categories and batches, with
/// projects finished, on time and overdue at the end of 2026-Q3; one Haizhu park that Baiyun's
/// report must leave out; and the alert transitions Ingest would have stored for them in
/// InfluxDB (written in Ingest's own line format), some outside the quarter on purpose.
/// </summary>
public static class ReportSeed
{
    public const string District = "baiyun";
    public static readonly ReportQuarter Quarter = ReportQuarter.Create(2026, 3);

    /// <summary>A moment after the quarter ended, for the report's clock.</summary>
    public static readonly DateTimeOffset AfterQuarter = new(2026, 10, 8, 2, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static async Task SeedParksAsync(ParkDbContext db)
    {
        db.Parks.AddRange(
            new Park
            {
                Id = "by-shimen",
                NameZh = "石门工业园",
                NameEn = "Shimen Industrial Park",
                DistrictId = District,
                Township = "石门街",
                LeadingIndustry = "furniture",
                Category = ParkCategory.Upgrade,
                Batch = 1,
                LandAreaHectares = 12.5,
                Enterprises =
                [
                    new Enterprise { ParkId = "by-shimen", Id = "e01", NameZh = "华新家具", NameEn = "Huaxin Furniture", Industry = "furniture" },
                    new Enterprise { ParkId = "by-shimen", Id = "e05", NameZh = "宏运涂装", NameEn = "Hongyun Coating", Industry = "coating", Status = RenovationStatus.ShutDown },
                ],
                Projects =
                [
                    Project("by-shimen", "石门园改造提升", "Shimen upgrade", ParkCategory.Upgrade, 10, 1200, 950,
                        (D(2026, 3, 1), D(2026, 2, 20)), (D(2026, 5, 1), D(2026, 5, 10)), (D(2026, 8, 31), D(2026, 8, 25)),
                        (D(2026, 9, 20), D(2026, 9, 18)), (D(2026, 9, 30), D(2026, 9, 30))),
                ],
            },
            new Park
            {
                Id = "by-jianggao",
                NameZh = "江高村级工业园",
                NameEn = "Jianggao Village Park",
                DistrictId = District,
                Township = "江高镇",
                LeadingIndustry = "printing",
                Category = ParkCategory.Upgrade,
                Batch = 2,
                LandAreaHectares = 8,
                Enterprises = [new Enterprise { ParkId = "by-jianggao", Id = "e02", NameZh = "美达印刷", NameEn = "Meida Printing", Industry = "printing" }],
                Projects =
                [
                    // Construction due 15 September and not done at the quarter's end: 16 days late.
                    Project("by-jianggao", "江高园改造", "Jianggao renovation", ParkCategory.Upgrade, 6, 800, 300,
                        (D(2026, 4, 1), D(2026, 4, 1)), (D(2026, 6, 30), D(2026, 7, 20)), (D(2026, 9, 15), null),
                        (D(2026, 12, 31), null), (D(2027, 3, 31), null)),
                ],
            },
            new Park
            {
                Id = "by-renhe",
                NameZh = "人和旧厂区",
                DistrictId = District,
                Township = "人和镇",
                LeadingIndustry = "metalwork",
                Category = ParkCategory.Eliminate,
                Batch = 1,
                LandAreaHectares = 3.2,
                Projects =
                [
                    // Production stopped only on 10 October: as of 30 September that stage was overdue.
                    Project("by-renhe", "人和旧厂关停", "Renhe closure", ParkCategory.Eliminate, 3.2, 50, null,
                        (D(2026, 7, 1), D(2026, 7, 1)), (D(2026, 8, 1), D(2026, 10, 10)), (D(2026, 9, 30), null), (D(2026, 12, 31), null)),
                ],
            },
            new Park
            {
                Id = "by-taihe",
                NameZh = "太和园",
                NameEn = "Taihe Park",
                DistrictId = District,
                LeadingIndustry = "logistics",
                Category = ParkCategory.Convert,
                Batch = 2,
                LandAreaHectares = 5,
            },
            new Park
            {
                Id = "hz-nanzhou",
                NameZh = "南洲园",
                NameEn = "Nanzhou Park",
                DistrictId = "haizhu",
                LeadingIndustry = "printing",
                Category = ParkCategory.Upgrade,
                Batch = 1,
                LandAreaHectares = 4,
            });
        await db.SaveChangesAsync();
    }

    private static RenovationProject Project(string park, string zh, string en, string kind, double hectares, double? planned, double? actual,
        params (DateOnly? Planned, DateOnly? Actual)[] stages) => new()
        {
            ParkId = park,
            NameZh = zh,
            NameEn = en,
            Kind = kind,
            AreaHectares = hectares,
            PlannedInvestment = planned,
            ActualInvestment = actual,
            Stages = [.. StageKind.For(kind).Zip(stages, (k, s) => (k, s)).Select((x, i) => new ProjectStage { Kind = x.k, Order = i, PlannedDate = x.s.Planned, ActualDate = x.s.Actual })],
        };

    /// <summary>The report's builder on the seeded database and InfluxDB, standard coal at the default coefficients.</summary>
    public static QuarterlyReportBuilder Builder(IDbContextFactory<ParkDbContext> parks, InfluxV1Client influx, TimeProvider clock) =>
        new(parks, new MonitoringFindingsReader(influx), new ParkEnergyReader(new ConsumptionReader(influx), Coal),
            new EfficiencyEvaluationService(new EnterpriseFactsReader(new ConsumptionReader(influx), Coal)), clock);

    private static readonly StandardCoalConverter Coal = new(new StandardCoalOptions());

    /// <summary>
    /// Monthly consumption as Ingest stores it (<c>{quantity}_use_1mo</c>), some outside the quarter
    /// or the district on purpose. In Q3: Shimen's e01 1000 + 1200 + 1300 kWh and 100 m³ of gas in
    /// July; Jianggao's e02 600 kWh in September only, its meter reporting half of it (coverage 0.5).
    /// </summary>
    public static async Task SeedConsumptionAsync(InfluxV1Client influx)
    {
        await influx.EnsureDatabaseAsync(CancellationToken.None);
        static DateTimeOffset Month(int month) => new(2026, month, 1, 0, 0, 0, ReportQuarter.ChinaStandardTime);
        static string Use(string quantity, string park, string enterprise, int month, double use, double coverage = 1) =>
            string.Create(CultureInfo.InvariantCulture,
                $"{quantity}_use_1mo,park={park},enterprise={enterprise},device={enterprise}-meter,sensor=meter use={use},coverage={coverage},flags=\"\",readings=2000i {Month(month).ToUnixTimeMilliseconds()}");
        string[] lines =
        [
            Use("energy", "by-shimen", "e01", 6, 9999), // June: the quarter before
            Use("energy", "by-shimen", "e01", 7, 1000),
            Use("energy", "by-shimen", "e01", 8, 1200),
            Use("energy", "by-shimen", "e01", 9, 1300),
            Use("energy", "by-shimen", "e01", 10, 9999), // October: the quarter after
            Use("gas_volume", "by-shimen", "e01", 7, 100),
            Use("water_volume", "by-shimen", "e01", 7, 50), // water: not energy
            Use("energy", "by-jianggao", "e02", 9, 600, 0.5),
            Use("energy", "hz-nanzhou", "e01", 8, 7777), // another district's park
        ];
        await influx.WriteAsync(string.Join('\n', lines), CancellationToken.None);
    }

    /// <summary>
    /// The 2025 evaluation (the last full year before 2026-Q3): land for Baiyun's three
    /// enterprises; economics for Huaxin (e01, 30 mu) and Meida (e02, 15 mu), none for the shut-down
    /// Hongyun (e05: not graded); Meida's agreement promises 5 万元 tax per mu and it paid 20 万元
    /// (1.3333 per mu): a breach. Their 2025 electricity as year points.
    /// </summary>
    public static async Task SeedEfficiencyAsync(ParkDbContext db, InfluxV1Client influx)
    {
        const double M2PerMu = 10_000.0 / 15;
        foreach (var (id, mu) in new[] { ("e01", 30.0), ("e02", 15.0), ("e05", 10.0) })
            (await db.Enterprises.SingleAsync(e => e.Id == id && e.Park!.DistrictId == District)).LandAreaM2 = mu * M2PerMu;
        db.Economics.AddRange(
            new ParkData.Entities.Efficiency.EnterpriseEconomics { ParkId = "by-shimen", EnterpriseId = "e01", Year = 2025, OutputValue = 9000, ValueAdded = 2400, Revenue = 8800, TaxPaid = 700, Employees = 120, RdSpending = 300 },
            new ParkData.Entities.Efficiency.EnterpriseEconomics { ParkId = "by-jianggao", EnterpriseId = "e02", Year = 2025, OutputValue = 2600, ValueAdded = 500, Revenue = 2500, TaxPaid = 20, Employees = 40, RdSpending = 10 });
        db.Agreements.Add(new ParkData.Entities.Efficiency.SupervisionAgreement { ParkId = "by-jianggao", EnterpriseId = "e02", Reference = "BY-2023-017", TaxPerMuTarget = 5 });
        await db.SaveChangesAsync();
        static string Year(string park, string enterprise, double kwh) => string.Create(CultureInfo.InvariantCulture,
            $"energy_use_1y,park={park},enterprise={enterprise},device={enterprise}-meter,sensor=meter use={kwh},coverage=1,flags=\"\",readings=35040i {new DateTimeOffset(2025, 1, 1, 0, 0, 0, ReportQuarter.ChinaStandardTime).ToUnixTimeMilliseconds()}");
        await influx.EnsureDatabaseAsync(CancellationToken.None);
        await influx.WriteAsync(string.Join('\n', Year("by-shimen", "e01", 1_500_000), Year("by-jianggao", "e02", 400_000)), CancellationToken.None);
    }

    public static async Task SeedAlertsAsync(InfluxV1Client influx)
    {
        await influx.EnsureDatabaseAsync(CancellationToken.None);
        var start = Quarter.Start;
        var lines = new List<string>
        {
            // Emission at Shimen: raised before the quarter (not counted), then twice in it (raised, cleared, raised again).
            Line("em-1", 1, AlertStates.Active, start.AddDays(-10), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            Line("em-2", 1, AlertStates.Active, start.AddDays(5), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            Line("em-2", 2, AlertStates.Acknowledged, start.AddDays(5).AddHours(1), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            Line("em-2", 3, AlertStates.Cleared, start.AddDays(5).AddHours(2), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            Line("em-2", 4, AlertStates.Active, start.AddDays(6), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            Line("em-3", 1, AlertStates.Active, start.AddDays(40), "by-jianggao", "e02", "e02-edge1", "nmhc-inplant-1h-gd", "window", bureau: true),
            // The shut-down coating shop drawing power.
            Line("pw-1", 1, AlertStates.Active, start.AddDays(20), "by-shimen", "e05", "e05-edge1", "shut-down-drawing-power", "registry", bureau: true),
            // Fire alarms at Jianggao: a smoke detector, then smoke and heat together.
            Line("fi-1", 1, AlertStates.Active, start.AddDays(30), "by-jianggao", "e02", "e02-edge1", "smoke", "detector", bureau: false),
            Line("fi-2", 1, AlertStates.Active, start.AddDays(30).AddMinutes(1), "by-jianggao", "e02", null, "fire-confirmed", "combination", bureau: false),
            // A stuck sensor: not a finding.
            Line("st-1", 1, AlertStates.Active, start.AddDays(8), "by-shimen", "e01", "e01-edge1", "nmhc-stuck", "flatline", bureau: false),
            // Offline: 6 h at Shimen; Jianggao offline since before the quarter, back 12 h into it;
            // the shut-down shop's device silent for the quarter's last 6 h.
            Line("of-1", 1, AlertStates.Active, start.AddDays(9), "by-shimen", "e01", "e01-edge1", "device-offline", "absence", bureau: false),
            Line("of-1", 2, AlertStates.Cleared, start.AddDays(9).AddHours(6), "by-shimen", "e01", "e01-edge1", "device-offline", "absence", bureau: false),
            Line("of-1", 3, AlertStates.Closed, start.AddDays(9).AddHours(6), "by-shimen", "e01", "e01-edge1", "device-offline", "absence", bureau: false),
            Line("of-2", 1, AlertStates.Active, start.AddDays(-1), "by-jianggao", "e02", "e02-edge1", "device-offline", "absence", bureau: false),
            Line("of-2", 2, AlertStates.Cleared, start.AddHours(12), "by-jianggao", "e02", "e02-edge1", "device-offline", "absence", bureau: false),
            Line("of-3", 1, AlertStates.Active, Quarter.End.AddHours(-6), "by-shimen", "e05", "e05-edge1", "device-offline", "absence", bureau: false),
            // After the quarter: not counted.
            Line("em-4", 1, AlertStates.Active, Quarter.End.AddHours(1), "by-shimen", "e01", "e01-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
            // Another district's park: never in Baiyun's report.
            Line("hz-1", 1, AlertStates.Active, start.AddDays(3), "hz-nanzhou", "e1", "e1-edge1", "nmhc-inplant-instant-gd", "threshold", bureau: true),
        };
        await influx.WriteAsync(lines, CancellationToken.None);
    }

    private static string Line(string alertId, long sequence, string state, DateTimeOffset at, string park, string enterprise, string? device,
        string rule, string kind, bool bureau) =>
        AlertEventLine.From(new AlertTransition
        {
            AlertId = alertId,
            Sequence = sequence,
            To = state,
            At = at,
            Alert = new AlertDocument
            {
                AlertId = alertId,
                RuleId = rule,
                Rule = rule,
                Kind = kind,
                Severity = AlertSeverities.Warning,
                Bureau = bureau,
                State = state,
                Park = park,
                Enterprise = enterprise,
                Device = device,
                Occurrences = 1,
                RaisedAt = at,
                UpdatedAt = at,
            },
        });
}
