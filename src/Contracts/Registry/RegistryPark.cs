namespace SmartPark.Contracts.Registry;

/// <summary>A village-level industrial park (parks.md: location, area, leading industry, enterprises).</summary>
public sealed record RegistryPark : RegistryNode
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The English name (the Dashboard shows it in English; <see cref="Name"/> is the Chinese one); null: none given.</summary>
    public string? NameEn { get; init; }

    public required string District { get; init; }
    public double AreaHectares { get; init; }
    public required string LeadingIndustry { get; init; }
    public IReadOnlyList<RegistryEnterprise> Enterprises { get; init; } = [];

    /// <summary>Who is on duty when, and the park's manager (YAML <c>duty:</c>); null: no roster, so alarms reach
    /// groups (robots) but no person.</summary>
    public Duty.RegistryDuty? Duty { get; init; }
}
