using FsCheck;
using FsCheck.Fluent;
using SmartPark.Efficiency.Evaluation;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>
/// Properties of rank-share grading over random districts (fixed seed, so a failure repeats): the
/// grades' counts follow the shares, and within a group a higher score never gets a worse grade.
/// </summary>
public sealed class GradingPropertiesTests
{
    private const int Cases = 300;

    /// <summary>A random district: each enterprise's tax (whole 万元, so ties happen) and the grade shares (whole percents summing to 100).</summary>
    private static readonly Gen<(int[] Taxes, int[] Shares)> Districts =
        from taxes in Gen.Choose(0, 40).ArrayOf()
        from cuts in Gen.Choose(0, 100).ArrayOf().Select(c => c.Take(4).Order().ToArray())
        select (taxes, Shares(cuts));

    [Fact]
    public void Grade_counts_follow_the_shares()
    {
        Check(sample =>
        {
            var (result, scheme) = Evaluate(sample);
            var n = sample.Taxes.Length;
            Assert.Equal(n, result.GradeCounts.Values.Sum());
            foreach (var rule in scheme.Grading.Grades)
            {
                // Cumulative rounding keeps each grade within one enterprise of its exact share.
                Assert.InRange(result.GradeCounts[rule.Grade], (n * rule.SharePercent!.Value / 100) - 1, (n * rule.SharePercent!.Value / 100) + 1);
            }
        });
    }

    [Fact]
    public void A_higher_score_never_gets_a_worse_grade()
    {
        Check(sample =>
        {
            var (result, scheme) = Evaluate(sample);
            var order = scheme.Grading.Grades.Select(g => g.Grade).ToList();
            foreach (var better in result.Enterprises)
            {
                foreach (var worse in result.Enterprises.Where(e => e.Score < better.Score))
                {
                    Assert.True(order.IndexOf(better.Grade!) <= order.IndexOf(worse.Grade!), $"{better.Score} got {better.Grade}, {worse.Score} got {worse.Grade}");
                }
            }
            Assert.Equal(Enumerable.Range(1, result.Enterprises.Count), result.Enterprises.Select(e => e.Rank!.Value));
        });
    }

    private static (DistrictEvaluation Result, EfficiencyScheme Scheme) Evaluate((int[] Taxes, int[] Shares) sample)
    {
        string[] letters = ["A", "B", "C", "D", "E"];
        var scheme = new EfficiencyScheme
        {
            Indicators = [new() { Id = IndicatorCatalogue.TaxPerMu, Weight = 100, Benchmark = 1 }],
            BenchmarkCap = 1000,
            Grading = new() { Method = GradingMethods.RankShare, Grades = [.. sample.Shares.Select((s, i) => new GradeRule { Grade = letters[i], SharePercent = s })] },
        };
        var enterprises = sample.Taxes.Select((tax, i) => new EnterpriseFacts
        {
            ParkId = "p1",
            EnterpriseId = $"e{i:D3}",
            NameZh = $"企业{i}",
            Industry = "any",
            LandAreaMu = 1,
            Economics = new(null, null, null, tax, null, null),
        }).ToList();
        return (EfficiencyEvaluator.Evaluate("d1", 2025, scheme, enterprises), scheme);
    }

    private static int[] Shares(int[] cuts)
    {
        var bounds = cuts.Append(100).ToArray();
        return [.. bounds.Select((b, i) => b - (i == 0 ? 0 : bounds[i - 1]))];
    }

    private static void Check(Action<(int[] Taxes, int[] Shares)> property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Cases).WithEndSize(60).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(17, 0x9E3779B97F4A7C15UL | 1), null));
        FsCheck.Check.One(config, Prop.ForAll(Arb.From(Districts), property));
    }
}
