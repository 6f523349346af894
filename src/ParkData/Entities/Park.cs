using SmartPark.ParkData.Vocabulary;

namespace SmartPark.ParkData.Entities;

/// <summary>
/// A village-level industrial park as the district keeps it (reference/parks.md: location, area,
/// land, procedures, industry, the programme's decision). <see cref="Id"/> is the id devices
/// publish under (<c>parks/{park}/…</c>), so it never changes once devices use it.
/// </summary>
public sealed class Park : IVersioned, IAudited, IRegistryRow
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }

    /// <summary>The <see cref="Jurisdiction"/> (district or county) the park is in.</summary>
    public required string DistrictId { get; set; }

    /// <summary>镇/街道</summary>
    public string? Township { get; set; }

    /// <summary>村集体经济组织</summary>
    public string? VillageCollective { get; set; }

    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Land area in hectares (the plans' 公顷; 1 ha = 15 mu).</summary>
    public double LandAreaHectares { get; set; }

    /// <summary>One of <see cref="Vocabulary.LandOwnership.All"/>.</summary>
    public string LandOwnership { get; set; } = Vocabulary.LandOwnership.Collective;

    /// <summary>用地手续: one of <see cref="ProcedureStatus.All"/>.</summary>
    public string LandProcedures { get; set; } = ProcedureStatus.Missing;

    /// <summary>Whether the land is in the 三旧 (old town, old factory, old village) renewal map.</summary>
    public bool InSanjiuMap { get; set; }

    /// <summary>工业区块 (the city's protected industrial block the park lies in), if any.</summary>
    public string? IndustrialBlock { get; set; }

    public required string LeadingIndustry { get; set; }

    /// <summary>规划: one of <see cref="ProcedureStatus.All"/>.</summary>
    public string PlanningStatus { get; set; } = ProcedureStatus.Missing;

    /// <summary>环评: one of <see cref="ProcedureStatus.All"/>.</summary>
    public string EnvironmentalAssessmentStatus { get; set; } = ProcedureStatus.Missing;

    /// <summary>The programme's decision, one of <see cref="ParkCategory.All"/>; null until classified.</summary>
    public string? Category { get; set; }

    /// <summary>The batch (第几批) the decision was published in.</summary>
    public int? Batch { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public long Version { get; set; }

    public List<Enterprise> Enterprises { get; set; } = [];
    public List<RenovationProject> Projects { get; set; } = [];

    public string AuditKey => $"park:{Id}";
}
