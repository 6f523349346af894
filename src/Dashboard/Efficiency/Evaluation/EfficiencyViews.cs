using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Dashboard.Efficiency.Evaluation;

/// <summary>An enterprise's result as the page shows it: who, where, its indicators and metered energy, score, rank, grade or why not, tier.</summary>
public sealed record EnterpriseResultView(
    string Park,
    string Enterprise,
    string NameZh,
    string? NameEn,
    string Industry,
    double LandAreaMu,
    string Standing,
    IReadOnlyDictionary<string, double?> Indicators,
    double? Score,
    int? Rank,
    int? RankedIn,
    string? RankingGroup,
    bool BelowSizeThreshold,
    string? Grade,
    string? NotGradedReason,
    string? Tier,
    EnergyView Energy);

public sealed record EnergyView(double Kwh, double Tce, double WaterM3, double Coverage, IReadOnlyList<string> Flags);

public sealed record LandView(string Park, string Enterprise, string NameZh, string? NameEn, double LandAreaMu, string Grade, double? Score);

public sealed record LowEfficiencyLandView(double TotalMu, IReadOnlyList<LandView> Items);

public sealed record BreachView(string Park, string Enterprise, string NameZh, string? NameEn, string Target, double Promised, double? Achieved);

/// <summary>The scheme as the page needs it: grades in order, what marks land low-efficiency, the tiers, the scored indicators.</summary>
public sealed record SchemeView(
    string ScoringMethod,
    string GradingMethod,
    IReadOnlyList<string> Grades,
    IReadOnlyList<string> LowEfficiencyGrades,
    IReadOnlyList<AllocationTier> Tiers,
    IReadOnlyList<WeightedIndicator> Indicators);

/// <summary>One year of a trend: grade counts, the medians of the main indicators, the metered totals.</summary>
public sealed record TrendYear(int Year, int Enterprises, int Graded, IReadOnlyDictionary<string, int> GradeCounts,
    IReadOnlyDictionary<string, double?> Medians, double Kwh, double Tce);

/// <summary>Who the evaluation is of, in the page's languages.</summary>
public sealed record PlaceView(string Id, string NameZh, string? NameEn);

/// <summary>A district's evaluation for a year, for its officials.</summary>
public sealed record DistrictEfficiencyView(
    PlaceView District,
    int Year,
    bool HasData,
    SchemeView Scheme,
    IReadOnlyList<IndicatorDefinition> Catalogue,
    IReadOnlyList<PlaceView> Parks,
    IReadOnlyList<EnterpriseResultView> Enterprises,
    IReadOnlyDictionary<string, int> GradeCounts,
    LowEfficiencyLandView LowEfficiencyLand,
    IReadOnlyList<BreachView> Breaches,
    IReadOnlyList<IndustryPeers> Peers);

/// <summary>A park's part of its district's evaluation, for its operator: its own enterprises, peers as statistics only, its trend.</summary>
public sealed record ParkEfficiencyView(
    PlaceView Park,
    int Year,
    bool HasData,
    SchemeView Scheme,
    IReadOnlyList<IndicatorDefinition> Catalogue,
    IReadOnlyList<EnterpriseResultView> Enterprises,
    IReadOnlyDictionary<string, int> GradeCounts,
    LowEfficiencyLandView LowEfficiencyLand,
    IReadOnlyList<BreachView> Breaches,
    IReadOnlyList<IndustryPeers> Peers,
    IReadOnlyList<TrendYear> Trend);

/// <summary>Builds the page's views from evaluations; filtering to a park happens here, after the district-wide grading.</summary>
public static class EfficiencyViews
{
    public static SchemeView Scheme(EfficiencyScheme scheme) => new(
        scheme.ScoringMethod, scheme.Grading.Method, [.. scheme.Grading.Grades.Select(g => g.Grade)],
        scheme.LowEfficiencyGrades, scheme.Tiers, scheme.Indicators);

    public static EnterpriseResultView Result(EnterpriseEvaluation e) => new(
        e.Facts.ParkId, e.Facts.EnterpriseId, e.Facts.NameZh, e.Facts.NameEn, e.Facts.Industry, e.Facts.LandAreaMu, e.Facts.Standing,
        e.Indicators, e.Score, e.Rank, e.RankedIn, e.RankingGroup, e.BelowSizeThreshold, e.Grade, e.NotGradedReason, e.AllocationTier,
        new EnergyView(e.Facts.Energy.ElectricityKwh, e.Facts.Energy.Tce, e.Facts.Energy.WaterM3, e.Facts.Energy.Coverage, e.Facts.Energy.Flags));

    public static DistrictEfficiencyView District(PlaceView district, IReadOnlyList<PlaceView> parks, EvaluatedYear evaluated)
    {
        var (scheme, evaluation) = (evaluated.Scheme, evaluated.Evaluation);
        return new DistrictEfficiencyView(district, evaluation.Year, evaluated.HasData, Scheme(scheme), IndicatorCatalogue.All, parks,
            [.. evaluation.Enterprises.Select(Result)], evaluation.GradeCounts,
            Land(evaluation, evaluation.LowEfficiencyLand), Breaches(evaluation, evaluation.Breaches),
            PeerStatistics.ByIndustry(evaluation.Enterprises));
    }

    /// <summary>
    /// The park's enterprises only; peers are the district's industry quartiles for the industries
    /// the park has, so nothing of another park's enterprises is named or shown singly.
    /// </summary>
    public static ParkEfficiencyView Park(PlaceView park, EvaluatedYear evaluated, IReadOnlyList<TrendYear> trend)
    {
        var (scheme, evaluation) = (evaluated.Scheme, evaluated.Evaluation);
        var own = evaluation.Enterprises.Where(e => e.Facts.ParkId == park.Id).ToList();
        var industries = own.Select(e => e.Facts.Industry).ToHashSet(StringComparer.Ordinal);
        return new ParkEfficiencyView(park, evaluation.Year, own.Count > 0, Scheme(scheme), IndicatorCatalogue.All,
            [.. own.Select(Result)],
            scheme.Grading.Grades.ToDictionary(g => g.Grade, g => own.Count(e => e.Grade == g.Grade), StringComparer.Ordinal),
            Land(evaluation, evaluation.LowEfficiencyLand.Where(l => l.ParkId == park.Id)),
            Breaches(evaluation, evaluation.Breaches.Where(b => b.ParkId == park.Id)),
            [.. PeerStatistics.ByIndustry(evaluation.Enterprises).Where(p => industries.Contains(p.Industry))],
            trend);
    }

    /// <summary>A year of a trend over the given enterprises (the district's, or one park's).</summary>
    public static TrendYear Trend(EvaluatedYear evaluated, Func<EnterpriseEvaluation, bool> include)
    {
        var enterprises = evaluated.Evaluation.Enterprises.Where(include).ToList();
        var main = evaluated.Scheme.Indicators.Select(i => i.Id)
            .Concat([IndicatorCatalogue.TaxPerMu, IndicatorCatalogue.ValueAddedPerTce, IndicatorCatalogue.EnergyPerOutput])
            .Distinct(StringComparer.Ordinal);
        return new TrendYear(
            evaluated.Evaluation.Year,
            enterprises.Count,
            enterprises.Count(e => e.Grade is not null),
            evaluated.Scheme.Grading.Grades.ToDictionary(g => g.Grade, g => enterprises.Count(e => e.Grade == g.Grade), StringComparer.Ordinal),
            main.ToDictionary(id => id, id => PeerStatistics.Median(enterprises.Select(e => e.Indicators.GetValueOrDefault(id))), StringComparer.Ordinal),
            enterprises.Sum(e => e.Facts.Energy.ElectricityKwh),
            enterprises.Sum(e => e.Facts.Energy.Tce));
    }

    private static LowEfficiencyLandView Land(DistrictEvaluation evaluation, IEnumerable<LowEfficiencyLand> land)
    {
        var items = land.Select(l =>
        {
            var facts = Facts(evaluation, l.ParkId, l.EnterpriseId);
            return new LandView(l.ParkId, l.EnterpriseId, facts.NameZh, facts.NameEn, l.LandAreaMu, l.Grade, l.Score);
        }).ToList();
        return new LowEfficiencyLandView(items.Sum(l => l.LandAreaMu), items);
    }

    private static List<BreachView> Breaches(DistrictEvaluation evaluation, IEnumerable<AgreementBreach> breaches) =>
        [.. breaches.Select(b =>
        {
            var facts = Facts(evaluation, b.ParkId, b.EnterpriseId);
            return new BreachView(b.ParkId, b.EnterpriseId, facts.NameZh, facts.NameEn, b.Target, b.Promised, b.Achieved);
        })];

    private static EnterpriseFacts Facts(DistrictEvaluation evaluation, string park, string enterprise) =>
        evaluation.Enterprises.First(e => e.Facts.ParkId == park && e.Facts.EnterpriseId == enterprise).Facts;
}
