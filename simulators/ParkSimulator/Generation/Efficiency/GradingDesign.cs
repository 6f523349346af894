using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>
/// What the designed year must know of the evaluation scheme to state the grades in advance:
/// the rank shares (best first), the grades that mark low-efficiency land, the revenue below which
/// an enterprise is ranked apart (规下), and each weighted indicator's ceiling (benchmark × cap): a
/// designed value at or past a ceiling would score the same as its neighbour and tie. The values
/// are the default scheme's (SmartPark.Efficiency's <c>EfficiencyScheme.Default</c>: A 25 %, B 45 %,
/// C 25 %, D 5 %, D low-efficiency, 规下 below 2,000 万元).
/// </summary>
public sealed record GradingDesign
{
    public IReadOnlyList<(string Grade, double SharePercent)> Shares { get; init; } = [("A", 25), ("B", 45), ("C", 25), ("D", 5)];

    public IReadOnlyList<string> LowEfficiencyGrades { get; init; } = ["D"];

    /// <summary>Revenue (万元) below which the scheme ranks an enterprise apart; every designed graded enterprise stays above it.</summary>
    public double SizeThresholdRevenue { get; init; } = 2000;

    /// <summary>A rank-share scheme's shares, low-efficiency grades and size threshold (none: 0).</summary>
    public static GradingDesign From(EfficiencyScheme scheme) => new()
    {
        Shares = [.. scheme.Grading.Grades.Select(g => (g.Grade, g.SharePercent ?? 0))],
        LowEfficiencyGrades = scheme.LowEfficiencyGrades,
        SizeThresholdRevenue = scheme.BelowSizeThreshold?.RevenueBelow ?? 0,
    };

    public static GradingDesign Default { get; } = From(EfficiencyScheme.Default);

    /// <summary>
    /// The smallest number of graded enterprises whose every share is a whole number of them (20 for
    /// 25/45/25/5): grading a multiple of it leaves no rounding to argue about.
    /// </summary>
    public int Unit()
    {
        for (var n = 1; n <= 100; n++)
        {
            if (Shares.All(s => Math.Abs((s.SharePercent * n / 100) - Math.Round(s.SharePercent * n / 100)) < 1e-9))
                return n;
        }
        return 100;
    }

    /// <summary>
    /// The grade of rank <paramref name="rank"/> (1 = best) of <paramref name="ranked"/>: the first
    /// grade whose cumulative share, as a count rounded half away from zero, reaches the rank.
    /// Exact (no rounding) when <paramref name="ranked"/> is a multiple of <see cref="Unit"/>.
    /// </summary>
    public string GradeOf(int rank, int ranked)
    {
        var cumulative = 0.0;
        foreach (var (grade, share) in Shares)
        {
            cumulative += share;
            if (rank <= Math.Round(cumulative * ranked / 100, MidpointRounding.AwayFromZero))
                return grade;
        }
        return Shares[^1].Grade;
    }
}
