using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>
/// A park as the edit page sends it: every field a district official keeps, and the
/// <see cref="Version"/> the page loaded (the save is refused, 409, when the park changed since).
/// The id and the district are not here: the id is fixed once devices use it, and the district
/// is where the park was created.
/// </summary>
public sealed record ParkForm
{
    public string? NameZh { get; init; }
    public string? NameEn { get; init; }
    public string? Township { get; init; }
    public string? VillageCollective { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double LandAreaHectares { get; init; }
    public string? LandOwnership { get; init; }
    public string? LandProcedures { get; init; }
    public bool InSanjiuMap { get; init; }
    public string? IndustrialBlock { get; init; }
    public string? LeadingIndustry { get; init; }
    public string? PlanningStatus { get; init; }
    public string? EnvironmentalAssessmentStatus { get; init; }
    public string? Category { get; init; }
    public int? Batch { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public long Version { get; init; }

    /// <summary>The park's id, only when creating one.</summary>
    public string? Id { get; init; }

    /// <summary>The refusals, given the jurisdiction's smallest park area (Qingyuan: 2 ha; Guangzhou: none).</summary>
    public FieldErrors Validate(double? minimumParkHectares)
    {
        var errors = new FieldErrors();
        errors.Required("nameZh", NameZh);
        errors.Length("nameEn", NameEn);
        errors.Length("township", Township);
        errors.Length("villageCollective", VillageCollective);
        errors.Length("address", Address, 400);
        errors.Length("industrialBlock", IndustrialBlock);
        errors.Required("leadingIndustry", LeadingIndustry);
        if (Latitude is null != Longitude is null)
            errors.Add(Latitude is null ? "latitude" : "longitude", "coordinates_pair", "give both latitude and longitude, or neither");
        errors.Range("latitude", Latitude, -90, 90);
        errors.Range("longitude", Longitude, -180, 180);
        errors.Range("landAreaHectares", LandAreaHectares, 0, 100_000);
        if (minimumParkHectares is { } minimum && LandAreaHectares < minimum)
            errors.Add("landAreaHectares", "below_minimum_area", $"this jurisdiction counts as a park only contiguous industrial land of at least {minimum} ha");
        errors.OneOf("landOwnership", LandOwnership, ParkData.Vocabulary.LandOwnership.All);
        errors.OneOf("landProcedures", LandProcedures, ProcedureStatus.All);
        errors.OneOf("planningStatus", PlanningStatus, ProcedureStatus.All);
        errors.OneOf("environmentalAssessmentStatus", EnvironmentalAssessmentStatus, ProcedureStatus.All);
        errors.OneOf("category", Category, ParkCategory.All, optional: true);
        if (Batch is < 1 or > 1000)
            errors.Add("batch", "range", "batch must be between 1 and 1000");
        return errors;
    }

    public void ApplyTo(Park park)
    {
        park.NameZh = NameZh!.Trim();
        park.NameEn = Blank(NameEn);
        park.Township = Blank(Township);
        park.VillageCollective = Blank(VillageCollective);
        park.Address = Blank(Address);
        park.Latitude = Latitude;
        park.Longitude = Longitude;
        park.LandAreaHectares = LandAreaHectares;
        park.LandOwnership = LandOwnership!;
        park.LandProcedures = LandProcedures!;
        park.InSanjiuMap = InSanjiuMap;
        park.IndustrialBlock = Blank(IndustrialBlock);
        park.LeadingIndustry = LeadingIndustry!.Trim();
        park.PlanningStatus = PlanningStatus!;
        park.EnvironmentalAssessmentStatus = EnvironmentalAssessmentStatus!;
        park.Category = Category;
        park.Batch = Batch;
        park.DecisionDate = DecisionDate;
    }

    /// <summary>An empty field is no value, not an empty string.</summary>
    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
