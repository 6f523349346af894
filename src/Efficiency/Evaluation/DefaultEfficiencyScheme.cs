namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// The scheme of a district that has not set its own: the Anhui city's weights (tax/mu 45,
/// sales/mu 20, value added per energy 15, R&amp;D intensity 15, labour productivity 5; below the
/// size threshold tax/mu 50 and tax per kWh 50, as Huangyan), its grade shares (A 25%, B 45%,
/// C 25%, D 5%), D as low-efficiency land, not-graded enterprises treated as B. The benchmarks are
/// illustrative orders of magnitude, not any district's published values: a district sets its own.
/// </summary>
internal static class DefaultEfficiencyScheme
{
    public static EfficiencyScheme Build() => new()
    {
        ScoringMethod = ScoringMethods.WeightedBenchmark,
        BenchmarkCap = 2,
        Indicators =
        [
            new() { Id = IndicatorCatalogue.TaxPerMu, Weight = 45, Benchmark = 20 },
            new() { Id = IndicatorCatalogue.SalesPerMu, Weight = 20, Benchmark = 400 },
            new() { Id = IndicatorCatalogue.ValueAddedPerTce, Weight = 15, Benchmark = 2.5 },
            new() { Id = IndicatorCatalogue.RdIntensity, Weight = 15, Benchmark = 3 },
            new() { Id = IndicatorCatalogue.LabourProductivity, Weight = 5, Benchmark = 18 },
        ],
        BelowSizeThreshold = new()
        {
            // 规模以上工业: main business revenue of 2,000 万元 a year.
            RevenueBelow = 2000,
            Indicators =
            [
                new() { Id = IndicatorCatalogue.TaxPerMu, Weight = 50, Benchmark = 10 },
                new() { Id = IndicatorCatalogue.TaxPerKwh, Weight = 50, Benchmark = 1.5 },
            ],
        },
        RankingGroup = RankingGroups.District,
        Grading = new()
        {
            Method = GradingMethods.RankShare,
            Grades =
            [
                new() { Grade = "A", SharePercent = 25 },
                new() { Grade = "B", SharePercent = 45 },
                new() { Grade = "C", SharePercent = 25 },
                new() { Grade = "D", SharePercent = 5 },
            ],
        },
        LowEfficiencyGrades = ["D"],
        Tiers =
        [
            new()
            {
                Id = "priority", Grades = ["A"],
                Zh = "优先保障：用电、用能、用水、用地指标优先安排，优先享受扶持政策",
                En = "Priority: electricity, energy, water and land allocations first, support policies first",
            },
            new()
            {
                Id = "normal", Grades = ["B"],
                Zh = "正常保障：按常规标准安排用电、用能、用水、用地",
                En = "Normal: electricity, energy, water and land allocated as usual",
            },
            new()
            {
                Id = "guided", Grades = ["C"],
                Zh = "引导提升：新增用能、用地从严审核，督促提质增效",
                En = "Guided: new energy and land requests reviewed strictly, improvement required",
            },
            new()
            {
                Id = "restricted", Grades = ["D"],
                Zh = "限制：执行差别化电价、水价和用能价格，不新增用地，列入低效用地整治",
                En = "Restricted: differentiated electricity, water and energy prices, no new land, listed for low-efficiency land renewal",
            },
        ],
        NotGradedTier = "normal",
    };
}
