namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// Grades of a ranked group. Rank share: with n ranked and cumulative shares c₁ ≤ c₂ ≤ … = 100%,
/// grade i takes ranks round(n·cᵢ₋₁) + 1 … round(n·cᵢ) (rounding half away from zero), so each
/// grade's count is within one of its share of n and the counts add up to n. Score bands: the first
/// grade whose minimum score the score reaches, the last grade for every lower score.
/// </summary>
public static class Grader
{
    /// <summary>The grade of each rank 1..n (index 0 is rank 1) under rank shares.</summary>
    public static IReadOnlyList<string> ByRankShare(IReadOnlyList<GradeRule> grades, int ranked)
    {
        var result = new List<string>(ranked);
        double cumulative = 0;
        var upTo = 0;
        for (var i = 0; i < grades.Count; i++)
        {
            cumulative += grades[i].SharePercent ?? 0;
            var boundary = i == grades.Count - 1
                ? ranked
                : (int)Math.Min(ranked, Math.Round(ranked * cumulative / 100, MidpointRounding.AwayFromZero));
            for (; upTo < boundary; upTo++)
            {
                result.Add(grades[i].Grade);
            }
        }
        return result;
    }

    /// <summary>The grade a score earns under score bands.</summary>
    public static string ByScoreBand(IReadOnlyList<GradeRule> grades, double score) =>
        grades.FirstOrDefault(g => g.MinScore is not { } min || score >= min)?.Grade ?? grades[^1].Grade;
}
