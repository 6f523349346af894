namespace SmartPark.ParkData.Entities.Efficiency;

/// <summary>
/// A district's evaluation scheme (indicators, weights, benchmarks, scoring method, grade rules,
/// allocation tiers) as one JSON document (SmartPark.Efficiency reads and checks it), per
/// jurisdiction and from a year on: a district that changes its rules keeps last year's results
/// reproducible. A district without a row uses the built-in default.
/// </summary>
public sealed class EfficiencySchemeRow : IVersioned, IAudited
{
    public required string JurisdictionId { get; set; }

    /// <summary>The first evaluation year this scheme applies to.</summary>
    public int FromYear { get; set; }

    public string Document { get; set; } = "{}";

    public long Version { get; set; }

    public string AuditKey => $"efficiency-scheme:{JurisdictionId}/{FromYear}";
}
