using System.Globalization;

namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// The rules a scheme must keep, each broken rule one error naming where (a JSON path) and why:
/// known methods, known and distinct indicators, weights summing to 100, positive benchmarks for
/// weighted-benchmark scoring, grade shares summing to 100% or descending score bands ending open,
/// low-efficiency grades and tiers that name real grades and tiers.
/// </summary>
public static class EfficiencySchemeValidator
{
    /// <summary>Tolerance of the sums (weights, shares): a UI's decimals must not make 100 fail.</summary>
    private const double SumTolerance = 1e-6;

    public static IReadOnlyList<string> Validate(EfficiencyScheme scheme)
    {
        var errors = new List<string>();
        if (!ScoringMethods.All.Contains(scheme.ScoringMethod))
        {
            errors.Add($"$.scoringMethod: '{scheme.ScoringMethod}' is not one of {string.Join(", ", ScoringMethods.All)}");
        }
        if (!(scheme.BenchmarkCap > 0) || !double.IsFinite(scheme.BenchmarkCap))
        {
            errors.Add($"$.benchmarkCap: must be greater than 0 (is {Format(scheme.BenchmarkCap)})");
        }
        var needsBenchmarks = scheme.ScoringMethod == ScoringMethods.WeightedBenchmark;
        ValidateIndicators(scheme.Indicators, "$.indicators", needsBenchmarks, errors);
        if (scheme.BelowSizeThreshold is { } small)
        {
            if (!(small.RevenueBelow > 0) || !double.IsFinite(small.RevenueBelow))
            {
                errors.Add($"$.belowSizeThreshold.revenueBelow: must be greater than 0 (is {Format(small.RevenueBelow)})");
            }
            ValidateIndicators(small.Indicators, "$.belowSizeThreshold.indicators", needsBenchmarks, errors);
        }
        if (!RankingGroups.All.Contains(scheme.RankingGroup))
        {
            errors.Add($"$.rankingGroup: '{scheme.RankingGroup}' is not one of {string.Join(", ", RankingGroups.All)}");
        }
        var grades = ValidateGrading(scheme.Grading, errors);
        for (var i = 0; i < scheme.LowEfficiencyGrades.Count; i++)
        {
            if (!grades.Contains(scheme.LowEfficiencyGrades[i]))
            {
                errors.Add($"$.lowEfficiencyGrades[{i}]: '{scheme.LowEfficiencyGrades[i]}' is not a grade of $.grading.grades");
            }
        }
        ValidateTiers(scheme, grades, errors);
        return errors;
    }

    private static void ValidateIndicators(IReadOnlyList<WeightedIndicator> indicators, string path, bool needsBenchmarks, List<string> errors)
    {
        if (indicators.Count == 0)
        {
            errors.Add($"{path}: at least one indicator is needed");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            var at = $"{path}[{i}]";
            if (IndicatorCatalogue.Find(indicator.Id) is null)
            {
                errors.Add($"{at}.id: unknown indicator '{indicator.Id}' (known: {string.Join(", ", IndicatorCatalogue.All.Select(d => d.Id))})");
            }
            else if (!seen.Add(indicator.Id))
            {
                errors.Add($"{at}.id: '{indicator.Id}' appears more than once");
            }
            if (!(indicator.Weight > 0) || !double.IsFinite(indicator.Weight))
            {
                errors.Add($"{at}.weight: must be greater than 0 (is {Format(indicator.Weight)})");
            }
            if (needsBenchmarks && !(indicator.Benchmark is { } b && b > 0 && double.IsFinite(b)))
            {
                errors.Add($"{at}.benchmark: weighted-benchmark scoring needs a benchmark greater than 0 (is {Format(indicator.Benchmark)})");
            }
        }
        var sum = indicators.Sum(i => i.Weight);
        if (Math.Abs(sum - 100) > SumTolerance)
        {
            errors.Add($"{path}: weights must sum to 100 (sum to {Format(sum)})");
        }
    }

    private static HashSet<string> ValidateGrading(GradingRules grading, List<string> errors)
    {
        var grades = new HashSet<string>(StringComparer.Ordinal);
        if (!GradingMethods.All.Contains(grading.Method))
        {
            errors.Add($"$.grading.method: '{grading.Method}' is not one of {string.Join(", ", GradingMethods.All)}");
        }
        if (grading.Grades.Count == 0)
        {
            errors.Add("$.grading.grades: at least one grade is needed");
            return grades;
        }
        for (var i = 0; i < grading.Grades.Count; i++)
        {
            var rule = grading.Grades[i];
            var at = $"$.grading.grades[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Grade) || rule.Grade.Length > 16)
            {
                errors.Add($"{at}.grade: must be 1 to 16 characters");
            }
            else if (!grades.Add(rule.Grade))
            {
                errors.Add($"{at}.grade: '{rule.Grade}' appears more than once");
            }
            if (grading.Method == GradingMethods.RankShare)
            {
                if (rule.SharePercent is not { } share || share < 0 || share > 100 || !double.IsFinite(share))
                {
                    errors.Add($"{at}.sharePercent: rank-share grading needs a share from 0 to 100 (is {Format(rule.SharePercent)})");
                }
            }
            else if (grading.Method == GradingMethods.ScoreBands)
            {
                var last = i == grading.Grades.Count - 1;
                if (last && rule.MinScore is not null)
                {
                    errors.Add($"{at}.minScore: the last band takes every lower score and has no minScore");
                }
                else if (!last && rule.MinScore is not { } min)
                {
                    errors.Add($"{at}.minScore: score-band grading needs a minScore on every grade but the last");
                }
                else if (!last && i > 0 && grading.Grades[i - 1].MinScore is { } above && !(rule.MinScore < above))
                {
                    errors.Add($"{at}.minScore: bands must descend ({Format(rule.MinScore)} is not below {Format(above)})");
                }
            }
        }
        if (grading.Method == GradingMethods.RankShare)
        {
            var sum = grading.Grades.Sum(g => g.SharePercent ?? 0);
            if (Math.Abs(sum - 100) > SumTolerance)
            {
                errors.Add($"$.grading.grades: shares must sum to 100% (sum to {Format(sum)}%)");
            }
        }
        return grades;
    }

    private static void ValidateTiers(EfficiencyScheme scheme, HashSet<string> grades, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var tierOfGrade = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < scheme.Tiers.Count; i++)
        {
            var tier = scheme.Tiers[i];
            var at = $"$.tiers[{i}]";
            if (string.IsNullOrWhiteSpace(tier.Id) || tier.Id.Length > 32)
            {
                errors.Add($"{at}.id: must be 1 to 32 characters");
            }
            else if (!ids.Add(tier.Id))
            {
                errors.Add($"{at}.id: '{tier.Id}' appears more than once");
            }
            if (string.IsNullOrWhiteSpace(tier.Zh))
            {
                errors.Add($"{at}.zh: the policy in Chinese is needed");
            }
            if (string.IsNullOrWhiteSpace(tier.En))
            {
                errors.Add($"{at}.en: the policy in English is needed");
            }
            for (var g = 0; g < tier.Grades.Count; g++)
            {
                var grade = tier.Grades[g];
                if (!grades.Contains(grade))
                {
                    errors.Add($"{at}.grades[{g}]: '{grade}' is not a grade of $.grading.grades");
                }
                else if (!tierOfGrade.TryAdd(grade, tier.Id))
                {
                    errors.Add($"{at}.grades[{g}]: grade '{grade}' is already in tier '{tierOfGrade[grade]}'");
                }
            }
        }
        if (scheme.NotGradedTier is { } notGraded && !ids.Contains(notGraded))
        {
            errors.Add($"$.notGradedTier: '{notGraded}' is not the id of a tier");
        }
    }

    private static string Format(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "none";
}
