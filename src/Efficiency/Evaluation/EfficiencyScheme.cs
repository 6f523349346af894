using System.Diagnostics.CodeAnalysis;

namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// A district's evaluation rules (stored as JSON per district and first year, see
/// <c>EfficiencySchemeRow</c>): how indicators become a score, how enterprises are grouped and
/// graded, which grades mark low-efficiency land, and which differentiated allocation tier each
/// grade suggests. Every district sets its own (no province-wide thresholds exist), so none of this
/// is a constant; <see cref="Default"/> is what a district without a row gets.
/// Read with <see cref="EfficiencySchemeJson.Parse"/> (which validates), write with <see cref="EfficiencySchemeJson.Serialize"/>.
/// </summary>
public sealed record EfficiencyScheme
{
    /// <summary><see cref="ScoringMethods.WeightedBenchmark"/> or <see cref="ScoringMethods.MinMax"/>.</summary>
    public string ScoringMethod { get; init; } = ScoringMethods.WeightedBenchmark;

    /// <summary>
    /// Weighted-benchmark only: an indicator's value ÷ benchmark counts at most this multiple, so one
    /// outstanding figure cannot carry a weak enterprise (2: at most twice the indicator's weight).
    /// </summary>
    public double BenchmarkCap { get; init; } = 2;

    /// <summary>The indicators scored, their weights (summing to 100) and, for weighted-benchmark, benchmarks.</summary>
    public IReadOnlyList<WeightedIndicator> Indicators { get; init; } = [];

    /// <summary>
    /// Optional: enterprises whose revenue is below a threshold (规下) are scored on their own
    /// indicator set and ranked apart from those above it.
    /// </summary>
    public SizeThreshold? BelowSizeThreshold { get; init; }

    /// <summary><see cref="RankingGroups.District"/> (all together) or <see cref="RankingGroups.Industry"/> (within each industry).</summary>
    public string RankingGroup { get; init; } = RankingGroups.District;

    public GradingRules Grading { get; init; } = new();

    /// <summary>Grades whose land the evaluation lists as low-efficiency (e.g. D).</summary>
    public IReadOnlyList<string> LowEfficiencyGrades { get; init; } = [];

    /// <summary>The differentiated allocation tiers (electricity, energy, water, land) and the grades each applies to.</summary>
    public IReadOnlyList<AllocationTier> Tiers { get; init; } = [];

    /// <summary>The tier (by id) of enterprises evaluated but not graded (new, exempt, ...); null: none.</summary>
    public string? NotGradedTier { get; init; }

    /// <summary>The tier (by id) a grade suggests, or null.</summary>
    public AllocationTier? TierOfGrade(string grade) => Tiers.FirstOrDefault(t => t.Grades.Contains(grade, StringComparer.Ordinal));

    /// <summary>The tier with this id, or null.</summary>
    public AllocationTier? Tier(string id) => Tiers.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>What a district without its own scheme uses (weights after the Anhui example, benchmarks illustrative).</summary>
    public static EfficiencyScheme Default { get; } = DefaultEfficiencyScheme.Build();

    /// <summary>Reads and validates a scheme document; throws <see cref="EfficiencySchemeException"/> with every error.</summary>
    public static EfficiencyScheme Parse(string json) => EfficiencySchemeJson.Parse(json);

    /// <summary>Reads and validates a scheme document; false with every error found.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out EfficiencyScheme? scheme, out IReadOnlyList<string> errors) =>
        EfficiencySchemeJson.TryParse(json, out scheme, out errors);

    /// <summary>The scheme as its JSON document.</summary>
    public string ToJson() => EfficiencySchemeJson.Serialize(this);

    /// <summary>Every rule this scheme breaks (empty: usable).</summary>
    public IReadOnlyList<string> Validate() => EfficiencySchemeValidator.Validate(this);
}

public static class ScoringMethods
{
    /// <summary>Σ weight × value ÷ benchmark (benchmark ÷ value for lower-is-better), each ratio capped.</summary>
    public const string WeightedBenchmark = "weighted-benchmark";

    /// <summary>Σ weight × [20 + 80 × (v − min) ÷ (max − min)] ÷ 100 within the ranking group (Jingde).</summary>
    public const string MinMax = "min-max";

    public static readonly IReadOnlyList<string> All = [WeightedBenchmark, MinMax];
}

public static class RankingGroups
{
    public const string District = "district";
    public const string Industry = "industry";

    public static readonly IReadOnlyList<string> All = [District, Industry];
}

public static class GradingMethods
{
    /// <summary>Grades by share of the ranking: the first grade the top <c>sharePercent</c>, and so on.</summary>
    public const string RankShare = "rank-share";

    /// <summary>Grades by score: the first grade whose <c>minScore</c> the score reaches (the last has none).</summary>
    public const string ScoreBands = "score-bands";

    public static readonly IReadOnlyList<string> All = [RankShare, ScoreBands];
}

/// <summary>An indicator in a scheme: its id (<see cref="IndicatorCatalogue"/>), weight, and benchmark (weighted-benchmark).</summary>
public sealed record WeightedIndicator
{
    public required string Id { get; init; }
    public required double Weight { get; init; }
    public double? Benchmark { get; init; }
}

/// <summary>Enterprises with revenue (万元) below <see cref="RevenueBelow"/> are scored on <see cref="Indicators"/> and ranked apart.</summary>
public sealed record SizeThreshold
{
    public required double RevenueBelow { get; init; }
    public required IReadOnlyList<WeightedIndicator> Indicators { get; init; }
}

/// <summary>How graded enterprises get their grades; <see cref="Grades"/> best first.</summary>
public sealed record GradingRules
{
    public string Method { get; init; } = GradingMethods.RankShare;
    public IReadOnlyList<GradeRule> Grades { get; init; } = [];
}

/// <summary>A grade: its letter (any short text), its share of the ranking (rank-share) or lowest score (score-bands; null on the last).</summary>
public sealed record GradeRule
{
    public required string Grade { get; init; }
    public double? SharePercent { get; init; }
    public double? MinScore { get; init; }
}

/// <summary>A differentiated allocation tier: id, grades it applies to, and its policy in Chinese and English.</summary>
public sealed record AllocationTier
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Grades { get; init; } = [];
    public required string Zh { get; init; }
    public required string En { get; init; }
}
