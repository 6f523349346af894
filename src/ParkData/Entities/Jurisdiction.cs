namespace SmartPark.ParkData.Entities;

/// <summary>
/// A district (区) or county, and the city (市) above it: what the district table of the plan
/// gives (village industrial land and the renovation target) and the jurisdiction's own rules.
/// </summary>
public sealed class Jurisdiction : IVersioned, IAudited
{
    /// <summary><c>baiyun</c>, <c>qingcheng</c>: the district's id.</summary>
    public required string Id { get; set; }

    /// <summary><c>guangzhou</c>, <c>qingyuan</c>.</summary>
    public required string CityId { get; set; }

    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string CityNameZh { get; set; }
    public required string CityNameEn { get; set; }

    /// <summary>Village industrial land in km² (the plan's table).</summary>
    public double? VillageIndustrialLandKm2 { get; set; }

    /// <summary>Area to renovate in the programme, km² (Guangzhou: at least 25% of the land above).</summary>
    public double? RenovationTargetKm2 { get; set; }

    /// <summary>
    /// The smallest contiguous area that counts as a park here, in hectares: Qingyuan counts only
    /// contiguous industrial land of at least 2 ha; Guangzhou sets none (null).
    /// </summary>
    public double? MinimumParkHectares { get; set; }

    public long Version { get; set; }

    public string AuditKey => $"jurisdiction:{Id}";
}
