using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>An enterprise as the edit page loads it.</summary>
public sealed record EnterpriseView(
    string ParkId, string Id, string NameZh, string? NameEn, string? CreditCode, string Industry, double FloorAreaM2, double LandAreaM2,
    string? ContactName, string? ContactPhone, string Status, string? DischargePermitNumber, DateOnly? DischargePermitExpiry, long Version)
{
    public static EnterpriseView Of(Enterprise e) => new(e.ParkId, e.Id, e.NameZh, e.NameEn, e.CreditCode, e.Industry, e.FloorAreaM2, e.LandAreaM2,
        e.ContactName, e.ContactPhone, e.Status, e.DischargePermitNumber, e.DischargePermitExpiry, e.Version);
}

/// <summary>A park as the edit page loads it: its fields and <see cref="Version"/>, its district, whether this user may edit it, and its enterprises.</summary>
public sealed record ParkView(
    string Id, string NameZh, string? NameEn, string DistrictId, string? DistrictNameZh, string? DistrictNameEn, double? MinimumParkHectares,
    string? Township, string? VillageCollective, string? Address, double? Latitude, double? Longitude, double LandAreaHectares,
    string LandOwnership, string LandProcedures, bool InSanjiuMap, string? IndustrialBlock, string LeadingIndustry, string PlanningStatus,
    string EnvironmentalAssessmentStatus, string? Category, int? Batch, DateOnly? DecisionDate, long Version, bool CanEdit,
    IReadOnlyList<EnterpriseView> Enterprises)
{
    public static ParkView Of(Park p, Jurisdiction? district, bool canEdit) => new(
        p.Id, p.NameZh, p.NameEn, p.DistrictId, district?.NameZh, district?.NameEn, district?.MinimumParkHectares,
        p.Township, p.VillageCollective, p.Address, p.Latitude, p.Longitude, p.LandAreaHectares,
        p.LandOwnership, p.LandProcedures, p.InSanjiuMap, p.IndustrialBlock, p.LeadingIndustry, p.PlanningStatus,
        p.EnvironmentalAssessmentStatus, p.Category, p.Batch, p.DecisionDate, p.Version, canEdit,
        p.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(EnterpriseView.Of).ToList());
}

/// <summary>A refused stale save (409): the row as it is now and who changed it last, so the page can show it and let the user reapply.</summary>
public sealed record Conflict<T>(string Title, T Current, LastChange? ChangedBy);
