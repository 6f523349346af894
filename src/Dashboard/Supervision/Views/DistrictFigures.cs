using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision.Monitoring;
using SmartPark.Dashboard.Supervision.Projects;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Views;

/// <summary>
/// The figures of the district and city views for a set of districts the caller may see. Counts and
/// areas are summed by the database (GROUP BY); stages and overdue are derived from the stages
/// in memory, because <see cref="ProjectStage.IsOverdue"/> is the one definition of overdue.
/// </summary>
public static class DistrictFigures
{
    /// <summary>Everything both views need for these districts; <paramref name="monitoring"/> may be null (no monitoring figures).</summary>
    public static async Task<Figures> LoadAsync(ParkDbContext db, IReadOnlyList<Jurisdiction> districts, DateOnly today,
        Func<IReadOnlyCollection<string>, Task<IReadOnlyDictionary<string, MonitoringStatus>>>? monitoring, CancellationToken cancellationToken)
    {
        var ids = districts.Select(d => d.Id).ToList();
        var categories = await CategoriesAsync(db, ids, cancellationToken);
        var renovated = await RenovatedHectaresAsync(db, ids, cancellationToken);
        var parks = await db.Parks.AsNoTracking().Where(p => ids.Contains(p.DistrictId)).OrderBy(p => p.DistrictId).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Stages)
            .Where(p => ids.Contains(p.Park!.DistrictId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var projectsByPark = projects.ToLookup(p => p.ParkId, StringComparer.Ordinal);
        var statuses = monitoring is null ? null : await monitoring(parks.Select(p => p.Id).ToList());

        var overdue = Overdue(projects, parks, today);
        var summaries = parks.Select(p => new ParkSummary(p.Id, p.NameZh, p.NameEn, p.DistrictId, p.Township, p.Category, p.Batch, p.LandAreaHectares,
            p.Latitude, p.Longitude, ProjectProgress.ParkStage(projectsByPark[p.Id]), projectsByPark[p.Id].Any(pr => ProjectProgress.IsOverdue(pr.Stages, today)),
            statuses?.GetValueOrDefault(p.Id))).ToList();
        var totals = districts.Select(d => new DistrictTotals(d.Id, d.CityId, d.NameZh, d.NameEn, d.VillageIndustrialLandKm2,
            new RenovationArea(renovated.GetValueOrDefault(d.Id), d.RenovationTargetKm2),
            summaries.Count(p => p.DistrictId == d.Id),
            overdue.Count(o => o.DistrictId == d.Id),
            categories.GetValueOrDefault(d.Id) ?? [])).ToList();
        return new Figures(totals, ByStage(summaries), overdue, summaries);
    }

    public sealed record Figures(IReadOnlyList<DistrictTotals> Districts, IReadOnlyList<StageCount> ByStage, IReadOnlyList<OverdueProject> Overdue, IReadOnlyList<ParkSummary> Parks);

    /// <summary>Parks and land by category, per district (GROUP BY district, category).</summary>
    public static async Task<Dictionary<string, IReadOnlyList<CategoryCount>>> CategoriesAsync(ParkDbContext db, IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        var rows = await db.Parks.Where(p => districts.Contains(p.DistrictId))
            .GroupBy(p => new { p.DistrictId, p.Category })
            .Select(g => new { g.Key.DistrictId, g.Key.Category, Parks = g.Count(), Hectares = g.Sum(p => p.LandAreaHectares) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DistrictId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<CategoryCount>)[.. g.Select(r => new CategoryCount(r.Category, r.Parks, r.Hectares)).OrderBy(c => CategoryOrder(c.Category))],
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Hectares renovated per district: the area of every project whose last stage is done (in
    /// operation, or for a closure the site cleared), summed by the database.
    /// </summary>
    public static async Task<Dictionary<string, double>> RenovatedHectaresAsync(ParkDbContext db, IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        var rows = await db.Projects
            .Where(p => districts.Contains(p.Park!.DistrictId))
            .Where(p => p.Stages.OrderByDescending(s => s.Order).Select(s => s.ActualDate).FirstOrDefault() != null)
            .GroupBy(p => p.Park!.DistrictId)
            .Select(g => new { District = g.Key, Hectares = g.Sum(p => p.AreaHectares) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.District, r => r.Hectares, StringComparer.Ordinal);
    }

    /// <summary>Projects with an overdue stage, latest first by how late their earliest overdue stage is.</summary>
    public static IReadOnlyList<OverdueProject> Overdue(IEnumerable<RenovationProject> projects, IEnumerable<Park> parks, DateOnly today)
    {
        var byId = parks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. projects
            .Select(p => (Project: p, Stage: p.Stages.Where(s => s.IsOverdue(today)).MinBy(s => s.Order)))
            .Where(x => x.Stage is not null && byId.ContainsKey(x.Project.ParkId))
            .Select(x =>
            {
                var park = byId[x.Project.ParkId];
                var planned = x.Stage!.PlannedDate!.Value;
                return new OverdueProject(x.Project.Id, park.Id, park.NameZh, park.NameEn, park.DistrictId, x.Project.NameZh, x.Project.NameEn,
                    x.Stage.Kind, planned, today.DayNumber - planned.DayNumber);
            })
            .OrderByDescending(o => o.DaysLate).ThenBy(o => o.ProjectId)];
    }

    /// <summary>Parks per stage, in the stages' own order (renovation, then closure, then completed, then none).</summary>
    public static IReadOnlyList<StageCount> ByStage(IEnumerable<ParkSummary> parks)
    {
        var order = ParkData.Vocabulary.StageKind.All.Append(ProjectProgress.Completed).Append(ProjectProgress.NoProject).ToList();
        return [.. parks.GroupBy(p => p.Stage).Select(g => new StageCount(g.Key, g.Count())).OrderBy(s => order.IndexOf(s.Stage))];
    }

    /// <summary>Category totals summed over districts (the city view).</summary>
    public static IReadOnlyList<CategoryCount> Sum(IEnumerable<DistrictTotals> districts) =>
        [.. districts.SelectMany(d => d.ByCategory).GroupBy(c => c.Category)
            .Select(g => new CategoryCount(g.Key, g.Sum(c => c.Parks), g.Sum(c => c.Hectares))).OrderBy(c => CategoryOrder(c.Category))];

    private static int CategoryOrder(string? category) =>
        category is null ? int.MaxValue : ParkData.Vocabulary.ParkCategory.All.ToList().IndexOf(category);
}
