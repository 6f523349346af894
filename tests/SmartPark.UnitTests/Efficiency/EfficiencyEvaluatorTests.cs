using SmartPark.Efficiency.Evaluation;
using static SmartPark.Efficiency.Evaluation.IndicatorCatalogue;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>
/// The evaluation of <see cref="EvaluationWorkedExample"/> (its table: nine enterprises), every
/// indicator and score worked out by hand below.
/// </summary>
public sealed class EfficiencyEvaluatorTests
{
    private static readonly IReadOnlyList<EnterpriseFacts> Enterprises = EvaluationWorkedExample.Enterprises;

    private static EnterpriseEvaluation Of(DistrictEvaluation result, string id) => result.Enterprises.Single(e => e.Facts.EnterpriseId == id);

    // Columns: tax/mu, output/mu, sales/mu, VA/mu, VA/tce, tax/kWh (元), tce/万元 output, kWh/m², VA/staff, R&D %, investment/mu.
    public static TheoryData<string, double?[]> Indicators() => new()
    {
        // 200/10, 4000/10, 5000/10, 800/10, 800/200, 200×10⁴/1,000,000, 200/4000, 1,000,000/5000, 800/100, 150/5000×100, 3000/10
        { "e01", [20, 400, 500, 80, 4, 2, 0.05, 200, 8, 3, 300] },
        // 100/20, 3000/20, 3200/20, 600/20, 600/150, 100×10⁴/800,000, 150/3000, 800,000/8000, 600/120, 32/3200×100, no agreement
        { "e02", [5, 150, 160, 30, 4, 1.25, 0.05, 100, 5, 1, null] },
        // 120/8, 1600/8, 2000/8, 400/8, 400/160, 120×10⁴/400,000, 160/1600, 400,000/4000, 400/50, 60/2000×100
        { "e03", [15, 200, 250, 50, 2.5, 3, 0.1, 100, 8, 3, null] },
        // 50/25, 2500/25, 2600/25, 500/25, 500/500, 50×10⁴/1,250,000, 500/2500, 1,250,000/10000, 500/100, 13/2600×100, 5000/25
        { "e04", [2, 100, 104, 20, 1, 0.4, 0.2, 125, 5, 0.5, 200] },
        // 96/12, 3600/12, 3600/12, 720/12, 720/360, 96×10⁴/960,000, 360/3600, 960,000/6000, 720/90, 72/3600×100
        { "e05", [8, 300, 300, 60, 2, 1, 0.1, 160, 8, 2, null] },
        // 30/30, 1500/30, 1500/30, 300/30, 300/600, 30×10⁴/1,500,000, 600/1500, 1,500,000/10000, 300/60, 0/1500×100
        { "e06", [1, 50, 50, 10, 0.5, 0.2, 0.4, 150, 5, 0, null] },
        // 15/15, 300/15, 300/15, 60/15, 60/30, 15×10⁴/100,000, 30/300, 100,000/2000, 60/20, 3/300×100, 4500/15
        { "e07", [1, 20, 20, 4, 2, 1.5, 0.1, 50, 3, 1, 300] },
        // 0/5, 500/5, 500/5, 100/5; no meter: no energy indicator; 100/10, 5/500×100; agreement without investment
        { "e08", [0, 100, 100, 20, null, null, null, null, 10, 1, null] },
        // no economic figures: only kWh/m² = 300,000/3000
        { "e09", [null, null, null, null, null, null, null, 100, null, null, null] },
    };

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Every_indicator_of_every_enterprise_is_as_worked_out(string id, double?[] expected)
    {
        string[] ids = [TaxPerMu, OutputPerMu, SalesPerMu, ValueAddedPerMu, ValueAddedPerTce, TaxPerKwh, EnergyPerOutput, KwhPerM2, LabourProductivity, RdIntensity, InvestmentIntensity];
        Assert.Equal(ids.Order(), All.Select(i => i.Id).Order());
        var indicators = Of(EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, Enterprises), id).Indicators;
        for (var i = 0; i < ids.Length; i++)
        {
            if (expected[i] is { } value)
            {
                Assert.True(indicators[ids[i]] is { } actual && Math.Abs(actual - value) < 1e-9, $"{id} {ids[i]}: expected {value}, got {indicators[ids[i]]}");
            }
            else
            {
                Assert.True(indicators[ids[i]] is null, $"{id} {ids[i]}: expected none, got {indicators[ids[i]]}");
            }
        }
    }

    [Fact]
    public void Weighted_benchmark_scores_ranks_and_rank_share_grades_are_as_worked_out()
    {
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, Enterprises);

        // Points = weight × min(value ÷ benchmark, 2); energy per output is lower-is-better: benchmark ÷ value.
        // e01: 40×min(20/10,2)=80   + 30×80/50=48  + 30×0.1/0.05=60 = 188
        // e03: 40×15/10=60          + 30×50/50=30  + 30×0.1/0.1=30  = 120
        // e02: 40×5/10=20           + 30×30/50=18  + 30×0.1/0.05=60 = 98
        // e05: 40×8/10=32           + 30×60/50=36  + 30×0.1/0.1=30  = 98   (ties e02: e02 first by id)
        // e04: 40×2/10=8            + 30×20/50=12  + 30×0.1/0.2=15  = 35
        // e06: 40×1/10=4            + 30×10/50=6   + 30×0.1/0.4=7.5 = 17.5
        // Six graded; A 20% B 40% C 20% D 20%: boundaries round(6×0.2)=1, round(6×0.6)=round(3.6)=4,
        // round(6×0.8)=round(4.8)=5, 6 → A rank 1, B ranks 2–4, C rank 5, D rank 6.
        (string Id, double Score, int Rank, string Grade, string Tier)[] expected =
        [
            ("e01", 188, 1, "A", "priority"),
            ("e03", 120, 2, "B", "normal"),
            ("e02", 98, 3, "B", "normal"),
            ("e05", 98, 4, "B", "normal"),
            ("e04", 35, 5, "C", "normal"),
            ("e06", 17.5, 6, "D", "restricted"),
        ];
        Assert.Equal(expected.Select(e => e.Id), result.Enterprises.Take(6).Select(e => e.Facts.EnterpriseId));
        foreach (var (id, score, rank, grade, tier) in expected)
        {
            var e = Of(result, id);
            Assert.Equal(score, e.Score!.Value, 1e-9);
            Assert.Equal((rank, 6, grade, tier), (e.Rank!.Value, e.RankedIn!.Value, e.Grade, e.AllocationTier));
            Assert.Null(e.NotGradedReason);
            Assert.Null(e.RankingGroup);
            Assert.Equal(score, e.Points.Values.Sum(), 1e-9);
        }
        Assert.Equal(80, Of(result, "e01").Points[TaxPerMu], 1e-9);
        Assert.Equal(7.5, Of(result, "e06").Points[EnergyPerOutput], 1e-9);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 3, ["C"] = 1, ["D"] = 1 }, result.GradeCounts);
    }

    [Fact]
    public void New_and_exempt_enterprises_are_evaluated_but_not_graded_and_missing_data_is_named()
    {
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, Enterprises);

        // e07 (new) is scored as the others: 40×1/10=4 + 30×4/50=2.4 + 30×0.1/0.1=30 = 36.4, no rank, the not-graded tier.
        var e07 = Of(result, "e07");
        Assert.Equal(36.4, e07.Score!.Value, 1e-9);
        Assert.Equal((null, null, null, "new", "normal"), (e07.Rank, e07.RankedIn, e07.Grade, e07.NotGradedReason, e07.AllocationTier));

        // e08 (exempt) has no meter, and the scheme needs energy: no score, still "exempt" with its tier.
        var e08 = Of(result, "e08");
        Assert.Equal((null, null, "exempt", "normal"), (e08.Score, e08.Grade, e08.NotGradedReason, e08.AllocationTier));
        Assert.Empty(e08.Points);

        // e09 (graded standing) reported no figures: not graded for that, and no tier until it does.
        var e09 = Of(result, "e09");
        Assert.Equal((null, null, "no-economics", null), (e09.Score, e09.Grade, e09.NotGradedReason, e09.AllocationTier));

        Assert.Equal(["e07", "e08", "e09"], result.Enterprises.Skip(6).Select(e => e.Facts.EnterpriseId));
        Assert.Equal(6, result.GradeCounts.Values.Sum());
    }

    [Fact]
    public void Low_efficiency_land_and_agreement_breaches_are_listed()
    {
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, Enterprises);

        Assert.Equal([new LowEfficiencyLand("p1", "e06", 30, "D", 17.5)], result.LowEfficiencyLand);

        // e01 keeps every promise (300/mu invested is exactly the 300 promised). e04: 5000/25 = 200 < 250 invested per mu,
        // output 100 < 150 per mu, tax 2 < 5 per mu, energy 0.2 > 0.15 tce/万元. e07 is new: only its investment is held,
        // 4500/15 = 300 ≥ 250. e08 promised ≤ 0.1 tce/万元 and has no meter: not shown kept.
        Assert.Equal(
            [
                new AgreementBreach("p1", "e04", InvestmentIntensity, 250, 200),
                new AgreementBreach("p1", "e04", OutputPerMu, 150, 100),
                new AgreementBreach("p1", "e04", TaxPerMu, 5, 2),
                new AgreementBreach("p1", "e04", EnergyPerOutput, 0.15, 0.2),
                new AgreementBreach("p1", "e08", EnergyPerOutput, 0.1, null),
            ],
            result.Breaches);
    }

    [Fact]
    public void Score_bands_grade_by_score_not_by_share()
    {
        var scheme = EvaluationWorkedExample.SchemeW with
        {
            Grading = new()
            {
                Method = GradingMethods.ScoreBands,
                Grades = [new() { Grade = "A", MinScore = 100 }, new() { Grade = "B", MinScore = 60 }, new() { Grade = "C", MinScore = 20 }, new() { Grade = "D" }],
            },
        };
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, scheme, Enterprises);

        // Scores as in the rank-share case: 188, 120 ≥ 100 → A; 98, 98 ≥ 60 → B; 35 ≥ 20 → C; 17.5 → D.
        Assert.Equal(
            [("e01", "A"), ("e03", "A"), ("e02", "B"), ("e05", "B"), ("e04", "C"), ("e06", "D")],
            result.Enterprises.Take(6).Select(e => (e.Facts.EnterpriseId, e.Grade!)));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 2, ["C"] = 1, ["D"] = 1 }, result.GradeCounts);
        Assert.Equal(["e06"], result.LowEfficiencyLand.Select(l => l.EnterpriseId));
    }

    [Fact]
    public void Min_max_scores_are_as_worked_out()
    {
        var scheme = EvaluationWorkedExample.SchemeW with
        {
            ScoringMethod = ScoringMethods.MinMax,
            Indicators = [.. EvaluationWorkedExample.SchemeW.Indicators.Select(i => i with { Benchmark = null })],
        };
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, scheme, Enterprises);

        // Ranges over the six graded: tax/mu 1..20 (spread 19), VA/mu 10..80 (70), energy per output 0.05..0.4 (0.35,
        // lower is better: position (0.4 − v)/0.35). Points = weight × (20 + 80 × position)/100.
        // e01: 40×(20+80×19/19)/100=40 + 30×(20+80×70/70)/100=30 + 30×(20+80×0.35/0.35)/100=30 = 100
        // e02: 8 + 32×4/19 = 14.7368 + 6 + 24×20/70 = 12.8571 + 30                           = 57.5940
        // e03: 8 + 32×14/19 = 31.5789 + 6 + 24×40/70 = 19.7143 + 6 + 24×0.3/0.35 = 26.5714    = 77.8647
        // e04: 8 + 32×1/19 = 9.6842 + 6 + 24×10/70 = 9.4286 + 6 + 24×0.2/0.35 = 19.7143      = 38.8271
        // e05: 8 + 32×7/19 = 19.7895 + 6 + 24×50/70 = 23.1429 + 26.5714                       = 69.5038
        // e06: 8 + 6 + 6 (the minimum of each)                                               = 20
        // e07 (new, against the graded range): tax 1 → 8; VA 4 below the minimum 10 → 6; energy 0.1 → 26.5714 = 40.5714
        (string Id, double Score, string Grade)[] expected =
        [
            ("e01", 100, "A"),
            ("e03", 8 + (32 * 14.0 / 19) + 6 + (24 * 40.0 / 70) + 6 + (24 * 0.3 / 0.35), "B"),
            ("e05", 8 + (32 * 7.0 / 19) + 6 + (24 * 50.0 / 70) + 6 + (24 * 0.3 / 0.35), "B"),
            ("e02", 8 + (32 * 4.0 / 19) + 6 + (24 * 20.0 / 70) + 30, "B"),
            ("e04", 8 + (32 * 1.0 / 19) + 6 + (24 * 10.0 / 70) + 6 + (24 * 0.2 / 0.35), "C"),
            ("e06", 20, "D"),
        ];
        Assert.Equal(expected.Select(e => e.Id), result.Enterprises.Take(6).Select(e => e.Facts.EnterpriseId));
        foreach (var (id, score, grade) in expected)
        {
            Assert.Equal(score, Of(result, id).Score!.Value, 1e-4);
            Assert.Equal(grade, Of(result, id).Grade);
        }
        Assert.Equal(57.5940, Of(result, "e02").Score!.Value, 1e-4);
        Assert.Equal(8 + 6 + 6 + (24 * 0.3 / 0.35), Of(result, "e07").Score!.Value, 1e-4);
    }

    [Fact]
    public void Ranking_by_industry_grades_each_industry_on_its_own()
    {
        var scheme = EvaluationWorkedExample.SchemeW with { RankingGroup = RankingGroups.Industry };
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, scheme, Enterprises);

        // Three graded in each industry: boundaries round(0.6)=1, round(1.8)=2, round(2.4)=2, 3 → A, B, (no C), D.
        // machinery: e05 98 A, e04 35 B, e06 17.5 D; textiles: e01 188 A, e03 120 B, e02 98 D.
        Assert.Equal(
            [("machinery", "e05", "A"), ("machinery", "e04", "B"), ("machinery", "e06", "D"),
             ("textiles", "e01", "A"), ("textiles", "e03", "B"), ("textiles", "e02", "D")],
            result.Enterprises.Take(6).Select(e => (e.RankingGroup!, e.Facts.EnterpriseId, e.Grade!)));
        Assert.All(result.Enterprises.Take(6), e => Assert.Equal(3, e.RankedIn));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 2, ["C"] = 0, ["D"] = 2 }, result.GradeCounts);
        // Worst score first.
        Assert.Equal([("e06", 30.0), ("e02", 20.0)], result.LowEfficiencyLand.Select(l => (l.EnterpriseId, l.LandAreaMu)));
    }

    [Fact]
    public void Enterprises_below_the_size_threshold_are_scored_on_their_own_set_and_ranked_apart()
    {
        var scheme = EvaluationWorkedExample.SchemeW with
        {
            BelowSizeThreshold = new()
            {
                RevenueBelow = 2000,
                Indicators = [new() { Id = TaxPerMu, Weight = 50, Benchmark = 10 }, new() { Id = TaxPerKwh, Weight = 50, Benchmark = 1.5 }],
            },
        };
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, scheme, Enterprises);

        // Below 2000 万元 of revenue: e06 (1500), e07 (300, new), e08 (500, exempt); e03's 2000 is not below.
        // e06: 50×1/10 = 5 + 50×0.2/1.5 = 6.6667 → 11.6667, alone: round(0.2)=0 A, round(0.6)=1 → B.
        var e06 = Of(result, "e06");
        Assert.True(e06.BelowSizeThreshold);
        Assert.Equal(5 + (50 * 0.2 / 1.5), e06.Score!.Value, 1e-4);
        Assert.Equal((1, 1, "B"), (e06.Rank!.Value, e06.RankedIn!.Value, e06.Grade));
        // e07: 50×1/10 = 5 + 50×1.5/1.5 = 50 → 55, new.
        Assert.Equal(55, Of(result, "e07").Score!.Value, 1e-9);
        Assert.False(Of(result, "e03").BelowSizeThreshold);

        // Above: e01 188, e03 120, e02 98, e05 98, e04 35; five graded: boundaries 1, 3, 4, 5 → A, B, B, C, D.
        Assert.Equal(
            [("e01", "A"), ("e03", "B"), ("e02", "B"), ("e05", "C"), ("e04", "D")],
            result.Enterprises.Where(e => e.Grade is not null && !e.BelowSizeThreshold).Select(e => (e.Facts.EnterpriseId, e.Grade!)));
        Assert.Equal(["e04"], result.LowEfficiencyLand.Select(l => l.EnterpriseId));
    }

    [Fact]
    public void The_same_enterprises_in_any_order_give_the_same_evaluation()
    {
        var forward = EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, Enterprises);
        var backward = EfficiencyEvaluator.Evaluate("d1", 2025, EvaluationWorkedExample.SchemeW, [.. Enterprises.Reverse()]);

        Assert.Equal(
            forward.Enterprises.Select(e => (e.Facts.EnterpriseId, e.Score, e.Rank, e.Grade)),
            backward.Enterprises.Select(e => (e.Facts.EnterpriseId, e.Score, e.Rank, e.Grade)));
    }

    [Fact]
    public void The_default_scheme_is_valid_and_evaluates()
    {
        Assert.Empty(EfficiencyScheme.Default.Validate());
        var result = EfficiencyEvaluator.Evaluate("d1", 2025, EfficiencyScheme.Default, Enterprises);

        // Above 2000 万元 with meters: e01..e05 graded (e06 is below and alone in its group).
        Assert.Equal(6, result.GradeCounts.Values.Sum());
        Assert.Equal(["A", "B", "C", "D"], result.GradeCounts.Keys);
        Assert.All(result.Enterprises.Where(e => e.Grade is not null), e => Assert.NotNull(EfficiencyScheme.Default.Tier(e.AllocationTier!)));
    }

    [Fact]
    public void An_invalid_scheme_is_refused()
    {
        var broken = EvaluationWorkedExample.SchemeW with { Indicators = [new() { Id = "tax_per_hectare", Weight = 100, Benchmark = 1 }] };

        var error = Assert.Throws<EfficiencySchemeException>(() => EfficiencyEvaluator.Evaluate("d1", 2025, broken, Enterprises));
        Assert.Contains(error.Errors, e => e.StartsWith("$.indicators[0].id: unknown indicator 'tax_per_hectare'", StringComparison.Ordinal));
    }
}
