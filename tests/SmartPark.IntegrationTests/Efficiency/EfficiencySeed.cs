using System.Globalization;
using SmartPark.Contracts.Consumption;
using SmartPark.Efficiency.Evaluation;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// A small Baiyun whose 2026 grades can be stated (on top of <see cref="TestParkDatabase.SeedStandardAsync"/>):
/// a score-band scheme on tax per mu and value added per tce (50 points each at the benchmark of 10, capped at twice),
/// furniture makers in <c>baiyun-shimen</c> (s1 A, s2 B, s3 new) and in <c>p-a</c> (a1 D on 20 mu, breaking its
/// agreement's tax per mu; a2 C), and one in Huadu's <c>p-b</c> that Baiyun's evaluation must not contain.
/// Electricity at 0.1229 kgce/kWh: 1,000,000 kWh = 122.9 tce.
/// </summary>
public static class EfficiencySeed
{
    public const int Year = 2026;
    public const string OperatorPark = "baiyun-shimen";
    public const string OtherPark = "p-a";
    public const string Furniture = "家具";

    public static EfficiencyScheme Scheme { get; } = EfficiencyScheme.Default with
    {
        Indicators =
        [
            new() { Id = IndicatorCatalogue.TaxPerMu, Weight = 50, Benchmark = 10 },
            new() { Id = IndicatorCatalogue.ValueAddedPerTce, Weight = 50, Benchmark = 10 },
        ],
        BelowSizeThreshold = null,
        Grading = new()
        {
            Method = GradingMethods.ScoreBands,
            Grades = [new() { Grade = "A", MinScore = 150 }, new() { Grade = "B", MinScore = 90 }, new() { Grade = "C", MinScore = 50 }, new() { Grade = "D" }],
        },
    };

    /// <summary>(park, id, name, mu, tax 万元, value added 万元, kWh, standing): scores 200, 100, —, 20, 80.</summary>
    private static readonly (string Park, string Id, string Name, double Mu, double Tax, double ValueAdded, double Kwh, string Standing)[] Enterprises =
    [
        (OperatorPark, "s1", "石门甲厂", 10, 300, 5000, 1_000_000, "graded"),
        (OperatorPark, "s2", "石门乙厂", 10, 100, 1229, 1_000_000, "graded"),
        (OperatorPark, "s3", "石门新厂", 10, 50, 100, 0, "new"),
        (OtherPark, "a1", "白云低效厂", 20, 60, 245.8, 2_000_000, "graded"),
        (OtherPark, "a2", "白云丙厂", 5, 40, 983.2, 1_000_000, "graded"),
        ("p-b", "b1", "花都外区厂", 10, 500, 5000, 1_000_000, "graded"),
    ];

    public static async Task SeedAsync(TestParkDatabase database, InfluxV1Client influx)
    {
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Actor = "test-seed";
            db.EfficiencySchemes.Add(new EfficiencySchemeRow { JurisdictionId = "baiyun", FromYear = 2020, Document = Scheme.ToJson() });
            foreach (var e in Enterprises)
            {
                db.Enterprises.Add(new Enterprise
                {
                    ParkId = e.Park,
                    Id = e.Id,
                    NameZh = e.Name,
                    NameEn = "Works " + e.Id,
                    Industry = Furniture,
                    LandAreaM2 = e.Mu * EnterpriseFacts.SquareMetresPerMu,
                    FloorAreaM2 = 1000,
                });
                db.Economics.Add(new EnterpriseEconomics
                {
                    ParkId = e.Park,
                    EnterpriseId = e.Id,
                    Year = Year,
                    TaxPaid = e.Tax,
                    ValueAdded = e.ValueAdded,
                    OutputValue = e.ValueAdded * 4,
                    Revenue = e.ValueAdded * 5,
                    Employees = 100,
                    Standing = e.Standing,
                });
            }
            db.Agreements.Add(new SupervisionAgreement { ParkId = OtherPark, EnterpriseId = "a1", Reference = "BY-2024-01", TaxPerMuTarget = 10 });
            await db.SaveChangesAsync();
        }
        var start = new DateTimeOffset(Year, 1, 1, 0, 0, 0, ConsumptionSeries.CalendarOffset).ToUnixTimeMilliseconds();
        var lines = Enterprises.Where(e => e.Kwh > 0).Select(e => string.Create(CultureInfo.InvariantCulture,
            $"energy_use_1y,park={e.Park},enterprise={e.Id},device=meter-{e.Id},sensor=energy use={e.Kwh},coverage=1,flags=\"\",readings=8760i {start}")).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"water_volume_use_1y,park={OperatorPark},enterprise=s1,device=water-s1,sensor=water use=1500,coverage=0.5,flags=\"gap\",readings=4000i {start}"));
        await influx.EnsureDatabaseAsync(CancellationToken.None);
        await influx.WriteAsync(string.Join('\n', lines), CancellationToken.None);
    }
}
