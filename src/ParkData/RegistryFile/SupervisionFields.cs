using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>A park's supervision keys as a registry file gives them (absent keys are the database's defaults).</summary>
public sealed record ParkSupervision : RegistryNode
{
    public string? Township { get; init; }
    public string? VillageCollective { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public required string LandOwnership { get; init; }
    public required string LandProcedures { get; init; }
    public bool InSanjiuMap { get; init; }
    public string? IndustrialBlock { get; init; }
    public required string PlanningStatus { get; init; }
    public required string EnvironmentalAssessmentStatus { get; init; }
    public string? Category { get; init; }
    public int? Batch { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public IReadOnlyList<ProjectFields> Projects { get; init; } = [];
}

/// <summary>A renovation project of a park; a file names each project of a park once (the import matches them by name).</summary>
public sealed record ProjectFields : RegistryNode
{
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public required string Kind { get; init; }
    public double AreaHectares { get; init; }
    public double? PlannedInvestment { get; init; }
    public double? ActualInvestment { get; init; }
    public IReadOnlyList<StageFields> Stages { get; init; } = [];
}

/// <summary>A stage of a project: its kind and planned and actual dates.</summary>
public sealed record StageFields : RegistryNode
{
    public required string Kind { get; init; }
    public DateOnly? Planned { get; init; }
    public DateOnly? Actual { get; init; }
    public string? Note { get; init; }
}

/// <summary>An enterprise's supervision keys (its discharge permit is in the runtime registry: <see cref="RegistryEnterprise.DischargePermit"/>).</summary>
public sealed record EnterpriseSupervision : RegistryNode
{
    public string? CreditCode { get; init; }

    /// <summary>Land area in m².</summary>
    public double LandArea { get; init; }

    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
}
