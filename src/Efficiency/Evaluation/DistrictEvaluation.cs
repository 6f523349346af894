namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// A district's evaluation for one year under one scheme: every enterprise evaluated (graded or
/// not), the grade distribution, the low-efficiency land and the agreement breaches. What the
/// efficiency page, its XLSX export and the quarterly report show; the same input always gives the
/// same result (ties are broken by enterprise id).
/// </summary>
public sealed record DistrictEvaluation(
    string DistrictId,
    int Year,
    IReadOnlyList<EnterpriseEvaluation> Enterprises,
    IReadOnlyDictionary<string, int> GradeCounts,
    IReadOnlyList<LowEfficiencyLand> LowEfficiencyLand,
    IReadOnlyList<AgreementBreach> Breaches);

/// <summary>
/// One enterprise's result: its indicators (by indicator id; null where an input is missing or
/// zero), its score and rank among those graded with it (its group: the district, or its
/// industry when the scheme ranks by industry), its grade (null when not graded, with the reason),
/// and the allocation tier (an id of the scheme's <c>Tiers</c>) its grade suggests.
/// </summary>
public sealed record EnterpriseEvaluation(
    EnterpriseFacts Facts,
    IReadOnlyDictionary<string, double?> Indicators,
    double? Score,
    int? Rank,
    int? RankedIn,
    string? Grade,
    string? NotGradedReason,
    string? AllocationTier)
{
    /// <summary>The group it is ranked in: null for the whole district, else its industry (when the scheme ranks by industry).</summary>
    public string? RankingGroup { get; init; }

    /// <summary>Whether its revenue is below the scheme's size threshold (scored on that indicator set and ranked apart).</summary>
    public bool BelowSizeThreshold { get; init; }

    /// <summary>The points each scored indicator gave (by indicator id; sums to <see cref="Score"/>); empty when not scored.</summary>
    public IReadOnlyDictionary<string, double> Points { get; init; } = new Dictionary<string, double>();
}

/// <summary>Land the evaluation marks as low-efficiency (its grade is one the scheme names so): whose, where and how much.</summary>
public sealed record LowEfficiencyLand(string ParkId, string EnterpriseId, double LandAreaMu, string Grade, double? Score);

/// <summary>A supervision-agreement target the year's figures miss: which, promised and achieved (in the indicator's unit).</summary>
public sealed record AgreementBreach(string ParkId, string EnterpriseId, string Target, double Promised, double? Achieved);
