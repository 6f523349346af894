using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Sheets;

/// <summary>
/// A park row as read, before it meets the database. Only the columns the sheet has are applied
/// (<see cref="Present"/>): a sheet without, say, an English-name column leaves English names as they are.
/// </summary>
public sealed record ParkRow(string Sheet, int Row, IReadOnlySet<string> Present)
{
    public required string Id { get; init; }
    public string NameZh { get; init; } = "";
    public string? NameEn { get; init; }
    public string? District { get; init; }
    public string? Township { get; init; }
    public string? VillageCollective { get; init; }
    public string? Address { get; init; }
    public double? Longitude { get; init; }
    public double? Latitude { get; init; }
    public double? LandAreaHectares { get; init; }
    public string? LandOwnership { get; init; }
    public string? LandProcedures { get; init; }
    public bool? InSanjiuMap { get; init; }
    public string? IndustrialBlock { get; init; }
    public string LeadingIndustry { get; init; } = "";
    public string? PlanningStatus { get; init; }
    public string? EnvironmentalAssessmentStatus { get; init; }
    public string? Category { get; init; }
    public int? Batch { get; init; }
    public DateOnly? DecisionDate { get; init; }

    /// <summary>The column the area was read from (for a below-minimum message).</summary>
    public string AreaColumn { get; init; } = ParkColumns.AreaHectares.Zh;

    public void ApplyTo(Park park)
    {
        park.NameZh = NameZh;
        park.LeadingIndustry = LeadingIndustry;
        park.LandAreaHectares = LandAreaHectares ?? park.LandAreaHectares;
        if (Present.Contains(ParkColumns.NameEn.Key))
            park.NameEn = NameEn;
        if (Present.Contains(ParkColumns.Township.Key))
            park.Township = Township;
        if (Present.Contains(ParkColumns.VillageCollective.Key))
            park.VillageCollective = VillageCollective;
        if (Present.Contains(ParkColumns.Address.Key))
            park.Address = Address;
        if (Present.Contains(ParkColumns.Longitude.Key))
            park.Longitude = Longitude;
        if (Present.Contains(ParkColumns.Latitude.Key))
            park.Latitude = Latitude;
        if (Present.Contains(ParkColumns.LandOwnership.Key) && LandOwnership is not null)
            park.LandOwnership = LandOwnership;
        if (Present.Contains(ParkColumns.LandProcedures.Key) && LandProcedures is not null)
            park.LandProcedures = LandProcedures;
        if (Present.Contains(ParkColumns.InSanjiuMap.Key))
            park.InSanjiuMap = InSanjiuMap ?? false;
        if (Present.Contains(ParkColumns.IndustrialBlock.Key))
            park.IndustrialBlock = IndustrialBlock;
        if (Present.Contains(ParkColumns.Planning.Key) && PlanningStatus is not null)
            park.PlanningStatus = PlanningStatus;
        if (Present.Contains(ParkColumns.Environmental.Key) && EnvironmentalAssessmentStatus is not null)
            park.EnvironmentalAssessmentStatus = EnvironmentalAssessmentStatus;
        if (Present.Contains(ParkColumns.Category.Key))
            park.Category = Category;
        if (Present.Contains(ParkColumns.Batch.Key))
            park.Batch = Batch;
        if (Present.Contains(ParkColumns.DecisionDate.Key))
            park.DecisionDate = DecisionDate;
    }
}

/// <summary>An enterprise row as read; as <see cref="ParkRow"/>, only the sheet's columns are applied.</summary>
public sealed record EnterpriseRow(string Sheet, int Row, IReadOnlySet<string> Present)
{
    public required string ParkId { get; init; }
    public required string Id { get; init; }
    public string NameZh { get; init; } = "";
    public string? NameEn { get; init; }
    public string? CreditCode { get; init; }
    public string Industry { get; init; } = "";
    public double? FloorAreaM2 { get; init; }
    public double? LandAreaM2 { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? Status { get; init; }
    public string? DischargePermitNumber { get; init; }
    public DateOnly? DischargePermitExpiry { get; init; }

    public void ApplyTo(Enterprise enterprise)
    {
        enterprise.NameZh = NameZh;
        enterprise.Industry = Industry;
        if (Present.Contains(EnterpriseColumns.NameEn.Key))
            enterprise.NameEn = NameEn;
        if (Present.Contains(EnterpriseColumns.CreditCode.Key))
            enterprise.CreditCode = CreditCode;
        if (Present.Contains(EnterpriseColumns.FloorArea.Key))
            enterprise.FloorAreaM2 = FloorAreaM2 ?? 0;
        if (Present.Contains(EnterpriseColumns.LandArea.Key) || Present.Contains(EnterpriseColumns.LandAreaMu.Key))
            enterprise.LandAreaM2 = LandAreaM2 ?? 0;
        if (Present.Contains(EnterpriseColumns.ContactName.Key))
            enterprise.ContactName = ContactName;
        if (Present.Contains(EnterpriseColumns.ContactPhone.Key))
            enterprise.ContactPhone = ContactPhone;
        if (Present.Contains(EnterpriseColumns.Status.Key) && Status is not null)
            enterprise.Status = Status;
        if (Present.Contains(EnterpriseColumns.PermitNumber.Key))
            enterprise.DischargePermitNumber = DischargePermitNumber;
        if (Present.Contains(EnterpriseColumns.PermitExpiry.Key))
            enterprise.DischargePermitExpiry = DischargePermitExpiry;
    }
}
