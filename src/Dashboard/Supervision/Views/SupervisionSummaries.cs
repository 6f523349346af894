using SmartPark.Dashboard.Supervision.Monitoring;

namespace SmartPark.Dashboard.Supervision.Views;

/// <summary>Parks of one category (null: not yet classified), and their land.</summary>
public sealed record CategoryCount(string? Category, int Parks, double Hectares);

/// <summary>Parks at one stage (<see cref="Projects.ProjectProgress.ParkStage"/>).</summary>
public sealed record StageCount(string Stage, int Parks);

/// <summary>A project with at least one overdue stage: the earliest one, and how many days late it is.</summary>
public sealed record OverdueProject(long ProjectId, string ParkId, string ParkNameZh, string? ParkNameEn, string DistrictId,
    string NameZh, string? NameEn, string Stage, DateOnly PlannedDate, int DaysLate);

/// <summary>One park on the views' lists and map.</summary>
public sealed record ParkSummary(string Id, string NameZh, string? NameEn, string DistrictId, string? Township, string? Category, int? Batch,
    double LandAreaHectares, double? Latitude, double? Longitude, string Stage, bool Overdue, MonitoringStatus? Monitoring);

/// <summary>A district's figures: the district view, and one row of the city view.</summary>
public sealed record DistrictTotals(string Id, string CityId, string NameZh, string NameEn, double? VillageIndustrialLandKm2,
    RenovationArea Area, int Parks, int OverdueProjects, IReadOnlyList<CategoryCount> ByCategory);

/// <summary><c>GET /api/supervision/districts/{district}</c>.</summary>
public sealed record DistrictView(DistrictTotals District, string CityNameZh, string CityNameEn, DateOnly Today,
    IReadOnlyList<StageCount> ByStage, IReadOnlyList<OverdueProject> Overdue, IReadOnlyList<ParkSummary> Parks);

/// <summary><c>GET /api/supervision/cities/{city}</c>: the same across the districts of a city.</summary>
public sealed record CityView(string Id, string NameZh, string NameEn, DateOnly Today, RenovationArea Area,
    IReadOnlyList<DistrictTotals> Districts, IReadOnlyList<CategoryCount> ByCategory, IReadOnlyList<StageCount> ByStage,
    IReadOnlyList<OverdueProject> Overdue, IReadOnlyList<ParkSummary> Parks);
