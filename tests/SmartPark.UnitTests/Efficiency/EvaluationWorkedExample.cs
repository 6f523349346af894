using SmartPark.Efficiency.Evaluation;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>
/// The worked example the evaluation tests check against: nine enterprises of one district with
/// round figures (land in mu, money in 万元, energy in tce, electricity in kWh), and the scheme
/// "W": weighted-benchmark, cap 2, tax/mu 40 (benchmark 10), value added/mu 30 (benchmark 50),
/// energy per output 30 (benchmark 0.1 tce/万元, lower is better), grades by rank share
/// A 20% / B 40% / C 20% / D 20%, D is low-efficiency land.
///
/// | id  | industry  | standing | mu | floor m² | output | VA  | revenue | tax | staff | R&amp;D | kWh       | tce | agreement |
/// | e01 | textiles  | graded   | 10 | 5000     | 4000   | 800 | 5000    | 200 | 100   | 150 | 1,000,000 | 200 | invest 3000 (300/mu ≥ 300), out/mu ≥ 300, tax/mu ≥ 15, energy ≤ 0.08 |
/// | e02 | textiles  | graded   | 20 | 8000     | 3000   | 600 | 3200    | 100 | 120   | 32  | 800,000   | 150 | – |
/// | e03 | textiles  | graded   | 8  | 4000     | 1600   | 400 | 2000    | 120 | 50    | 60  | 400,000   | 160 | – |
/// | e04 | machinery | graded   | 25 | 10000    | 2500   | 500 | 2600    | 50  | 100   | 13  | 1,250,000 | 500 | invest 5000 (200/mu ≥ 250), out/mu ≥ 150, tax/mu ≥ 5, energy ≤ 0.15 |
/// | e05 | machinery | graded   | 12 | 6000     | 3600   | 720 | 3600    | 96  | 90    | 72  | 960,000   | 360 | – |
/// | e06 | machinery | graded   | 30 | 10000    | 1500   | 300 | 1500    | 30  | 60    | 0   | 1,500,000 | 600 | – |
/// | e07 | machinery | new      | 15 | 2000     | 300    | 60  | 300     | 15  | 20    | 3   | 100,000   | 30  | invest 4500 (300/mu ≥ 250), out/mu ≥ 200 (not yet held) |
/// | e08 | textiles  | exempt   | 5  | 2000     | 500    | 100 | 500     | 0   | 10    | 5   | not metered | – | energy ≤ 0.1 |
/// | e09 | textiles  | graded   | 6  | 3000     | no economic figures |       |     |       |     | 300,000   | 60  | – |
/// </summary>
internal static class EvaluationWorkedExample
{
    public static readonly IReadOnlyList<EnterpriseFacts> Enterprises =
    [
        Firm("e01", "textiles", 10, 5000, new(4000, 800, 5000, 200, 100, 150), Metered(1_000_000, 200),
            agreement: new(3000, 300, 300, 15, 0.08)),
        Firm("e02", "textiles", 20, 8000, new(3000, 600, 3200, 100, 120, 32), Metered(800_000, 150)),
        Firm("e03", "textiles", 8, 4000, new(1600, 400, 2000, 120, 50, 60), Metered(400_000, 160)),
        Firm("e04", "machinery", 25, 10000, new(2500, 500, 2600, 50, 100, 13), Metered(1_250_000, 500),
            agreement: new(5000, 250, 150, 5, 0.15)),
        Firm("e05", "machinery", 12, 6000, new(3600, 720, 3600, 96, 90, 72), Metered(960_000, 360)),
        Firm("e06", "machinery", 30, 10000, new(1500, 300, 1500, 30, 60, 0), Metered(1_500_000, 600)),
        Firm("e07", "machinery", 15, 2000, new(300, 60, 300, 15, 20, 3), Metered(100_000, 30),
            standing: "new", agreement: new(4500, 250, 200, null, null)),
        Firm("e08", "textiles", 5, 2000, new(500, 100, 500, 0, 10, 5), EnergyFigures.None,
            standing: "exempt", agreement: new(null, null, null, null, 0.1)),
        Firm("e09", "textiles", 6, 3000, null, Metered(300_000, 60)),
    ];

    public static EfficiencyScheme SchemeW { get; } = new()
    {
        ScoringMethod = ScoringMethods.WeightedBenchmark,
        BenchmarkCap = 2,
        Indicators =
        [
            new() { Id = IndicatorCatalogue.TaxPerMu, Weight = 40, Benchmark = 10 },
            new() { Id = IndicatorCatalogue.ValueAddedPerMu, Weight = 30, Benchmark = 50 },
            new() { Id = IndicatorCatalogue.EnergyPerOutput, Weight = 30, Benchmark = 0.1 },
        ],
        Grading = new()
        {
            Method = GradingMethods.RankShare,
            Grades =
            [
                new() { Grade = "A", SharePercent = 20 },
                new() { Grade = "B", SharePercent = 40 },
                new() { Grade = "C", SharePercent = 20 },
                new() { Grade = "D", SharePercent = 20 },
            ],
        },
        LowEfficiencyGrades = ["D"],
        Tiers =
        [
            new() { Id = "priority", Grades = ["A"], Zh = "优先保障", En = "Priority" },
            new() { Id = "normal", Grades = ["B", "C"], Zh = "正常保障", En = "Normal" },
            new() { Id = "restricted", Grades = ["D"], Zh = "限制，差别化价格", En = "Restricted, differentiated prices" },
        ],
        NotGradedTier = "normal",
    };

    private static EnterpriseFacts Firm(
        string id, string industry, double mu, double floorM2, EconomicFigures? economics, EnergyFigures energy,
        string standing = "graded", AgreementTargets? agreement = null) => new()
        {
            ParkId = "p1",
            EnterpriseId = id,
            NameZh = "企业" + id,
            Industry = industry,
            LandAreaMu = mu,
            FloorAreaM2 = floorM2,
            Standing = standing,
            Economics = economics,
            Energy = energy,
            Agreement = agreement,
        };

    private static EnergyFigures Metered(double kwh, double tce) => new(kwh, tce, 0, 1, []);
}
