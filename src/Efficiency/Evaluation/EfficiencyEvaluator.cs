namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// A district's 亩均 evaluation for a year under its scheme: each enterprise's indicators, which
/// indicator set applies (the size threshold), its ranking group (district or industry, above or
/// below the threshold), whether it can be graded, its score, rank and grade, the allocation tier
/// the grade suggests, the low-efficiency land and the agreement breaches. Pure and deterministic:
/// equal scores are ranked by enterprise id (then park id), so the same input gives the same grades.
/// </summary>
public static class EfficiencyEvaluator
{
    public static DistrictEvaluation Evaluate(string districtId, int year, EfficiencyScheme scheme, IReadOnlyList<EnterpriseFacts> enterprises)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(districtId);
        var problems = scheme.Validate();
        if (problems.Count > 0)
        {
            throw new EfficiencySchemeException(problems);
        }
        var duplicate = enterprises.GroupBy(e => (e.ParkId, e.EnterpriseId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"enterprise {duplicate.Key.ParkId}/{duplicate.Key.EnterpriseId} appears more than once", nameof(enterprises));
        }

        var candidates = enterprises.Select(e => Candidate.Of(e, scheme)).ToList();
        var evaluations = new List<EnterpriseEvaluation>();
        foreach (var group in candidates.GroupBy(c => c.GroupKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            evaluations.AddRange(EvaluateGroup(scheme, [.. group]));
        }
        var graded = evaluations.Where(e => e.Grade is not null).ToList();
        var ungraded = evaluations.Where(e => e.Grade is null).OrderBy(e => e.Facts.EnterpriseId, StringComparer.Ordinal).ThenBy(e => e.Facts.ParkId, StringComparer.Ordinal);

        var gradeCounts = scheme.Grading.Grades.ToDictionary(g => g.Grade, g => graded.Count(e => e.Grade == g.Grade), StringComparer.Ordinal);
        var lowEfficiency = graded
            .Where(e => scheme.LowEfficiencyGrades.Contains(e.Grade!, StringComparer.Ordinal) && e.Facts.LandAreaMu > 0)
            .OrderBy(e => e.Score)
            .ThenBy(e => e.Facts.EnterpriseId, StringComparer.Ordinal)
            .ThenBy(e => e.Facts.ParkId, StringComparer.Ordinal)
            .Select(e => new LowEfficiencyLand(e.Facts.ParkId, e.Facts.EnterpriseId, e.Facts.LandAreaMu, e.Grade!, e.Score))
            .ToList();
        var ordered = graded.Concat(ungraded).ToList();
        var breaches = ordered.SelectMany(e => AgreementCheck.Check(e.Facts, e.Indicators)).ToList();
        return new DistrictEvaluation(districtId, year, ordered, gradeCounts, lowEfficiency, breaches);
    }

    /// <summary>Scores, ranks and grades one ranking group (graded first by rank, then the ungraded).</summary>
    private static IEnumerable<EnterpriseEvaluation> EvaluateGroup(EfficiencyScheme scheme, List<Candidate> group)
    {
        var set = group[0].Set;
        var gradable = group.Where(c => c.NotGradedReason is null).ToList();
        Dictionary<string, IndicatorScoring.Range>? ranges = null;
        if (scheme.ScoringMethod == ScoringMethods.MinMax)
        {
            // The range is the graded enterprises'; a group of only new or exempt ones is scored on its own.
            var basis = gradable.Count > 0 ? gradable : group.Where(c => c.IsScored).ToList();
            ranges = IndicatorScoring.Ranges(set, basis.Select(c => c.Indicators));
        }
        var scored = group.Select(c =>
        {
            var points = !c.IsScored ? new Dictionary<string, double>()
                : ranges is null ? IndicatorScoring.WeightedBenchmark(set, c.Indicators, scheme.BenchmarkCap)
                : IndicatorScoring.MinMax(set, c.Indicators, ranges);
            return (Candidate: c, Points: points, Score: c.IsScored ? set.Sum(w => points[w.Id]) : (double?)null);
        }).ToList();

        var ranked = scored
            .Where(s => s.Candidate.NotGradedReason is null)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.Facts.EnterpriseId, StringComparer.Ordinal)
            .ThenBy(s => s.Candidate.Facts.ParkId, StringComparer.Ordinal)
            .ToList();
        var byRank = scheme.Grading.Method == GradingMethods.RankShare ? Grader.ByRankShare(scheme.Grading.Grades, ranked.Count) : null;
        for (var i = 0; i < ranked.Count; i++)
        {
            var (candidate, points, score) = ranked[i];
            var grade = byRank?[i] ?? Grader.ByScoreBand(scheme.Grading.Grades, score!.Value);
            yield return candidate.Evaluation(points, score, i + 1, ranked.Count, grade, null, scheme.TierOfGrade(grade)?.Id);
        }
        foreach (var (candidate, points, score) in scored.Where(s => s.Candidate.NotGradedReason is not null))
        {
            // New and exempt enterprises are treated by the scheme's not-graded tier; missing data earns no tier.
            var tier = NotGradedReasons.IsStanding(candidate.NotGradedReason!) ? scheme.NotGradedTier : null;
            yield return candidate.Evaluation(points, score, null, null, null, candidate.NotGradedReason, tier);
        }
    }

    /// <summary>An enterprise before scoring: its indicators, the set it is scored on, its group and what stops its grade.</summary>
    private sealed record Candidate(
        EnterpriseFacts Facts,
        IReadOnlyDictionary<string, double?> Indicators,
        IReadOnlyList<WeightedIndicator> Set,
        bool BelowSize,
        string? Industry,
        string? NotGradedReason,
        bool IsScored)
    {
        public string GroupKey => $"{Industry}\u001f{(BelowSize ? "below" : "above")}";

        public static Candidate Of(EnterpriseFacts facts, EfficiencyScheme scheme)
        {
            var belowSize = scheme.BelowSizeThreshold is { } small && facts.Economics?.Revenue is { } revenue && revenue < small.RevenueBelow;
            var set = belowSize ? scheme.BelowSizeThreshold!.Indicators : scheme.Indicators;
            var industry = scheme.RankingGroup == RankingGroups.Industry ? facts.Industry : null;
            var missing = MissingData(facts, set);
            return new(facts, IndicatorCatalogue.ComputeAll(facts), set, belowSize, industry, WhyNotGraded(facts, missing), missing is null);
        }

        public EnterpriseEvaluation Evaluation(
            Dictionary<string, double> points, double? score, int? rank, int? rankedIn, string? grade, string? notGraded, string? tier) =>
            new(Facts, Indicators, score, rank, rankedIn, grade, notGraded, tier)
            {
                RankingGroup = Industry,
                BelowSizeThreshold = BelowSize,
                Points = points,
            };

        // The standing first: a new enterprise without figures yet is "new", not "no-economics".
        private static string? WhyNotGraded(EnterpriseFacts facts, string? missingData) =>
            facts.Standing switch
            {
                NotGradedReasons.New => NotGradedReasons.New,
                NotGradedReasons.Exempt => NotGradedReasons.Exempt,
                _ => missingData,
            };

        private static string? MissingData(EnterpriseFacts facts, IReadOnlyList<WeightedIndicator> set)
        {
            if (!(facts.LandAreaMu > 0))
            {
                return NotGradedReasons.NoLand;
            }
            if (facts.Economics is not { } e || (e.OutputValue, e.ValueAdded, e.Revenue, e.TaxPaid) is (null, null, null, null))
            {
                return NotGradedReasons.NoEconomics;
            }
            if (!facts.Energy.IsMetered && set.Any(w => IndicatorCatalogue.Get(w.Id).NeedsEnergy))
            {
                return NotGradedReasons.NoEnergy;
            }
            return null;
        }
    }
}
