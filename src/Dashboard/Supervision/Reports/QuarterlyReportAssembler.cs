using SmartPark.Dashboard.Efficiency.Reports;
using SmartPark.Dashboard.Supervision.Findings;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// Puts a district's parks, projects and monitoring findings together into its
/// <see cref="QuarterlyReport"/>. Pure (no database, no clock), so the sums are unit-tested.
/// </summary>
public static class QuarterlyReportAssembler
{
    /// <summary>1 km² = 100 ha.</summary>
    private const double HectaresPerKm2 = 100;

    /// <summary>
    /// The report of <paramref name="district"/> over <paramref name="quarter"/>: its
    /// <paramref name="parks"/> (with enterprises, projects and stages), the monitoring
    /// <paramref name="findings"/> per park, as of <paramref name="asOf"/> (the quarter's last day,
    /// or today for a quarter not over), stamped <paramref name="generatedAt"/>; the parks' metered
    /// <paramref name="energy"/> over the quarter (none when not given), the last full year's <paramref name="efficiency"/>
    /// and the hazard <paramref name="rectification"/> orders (none when not given).
    /// </summary>
    public static QuarterlyReport Assemble(
        Jurisdiction district, IReadOnlyList<Park> parks, IReadOnlyDictionary<string, ParkFindings> findings,
        ReportQuarter quarter, DateOnly asOf, DateTimeOffset generatedAt, IReadOnlyDictionary<string, ParkEnergy>? energy = null,
        ReportEfficiency? efficiency = null, ReportRectification? rectification = null)
    {
        var orderedParks = parks.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        // A stage is late at the end of its planned day: as of the quarter's last day, one planned for
        // that day and not done is overdue (ProjectStage.IsOverdue stays the one definition).
        var overdueDay = asOf.AddDays(1);
        var projects = new List<ProjectRow>();
        var behind = new List<BehindRow>();
        foreach (var park in orderedParks)
        {
            foreach (var project in park.Projects.OrderBy(p => p.Id))
            {
                var stages = project.Stages.OrderBy(s => s.Order).Select(s => AsOf(s, asOf)).ToList();
                var rows = stages.Select(s => new StageRow(s.Kind, s.PlannedDate, s.ActualDate, Status(s, overdueDay))).ToList();
                var completed = stages.Count > 0 && stages.All(s => s.IsDone);
                projects.Add(new ProjectRow(project.Id, park.Id, park.NameZh, park.NameEn, project.NameZh, project.NameEn, project.Kind,
                    project.AreaHectares, project.PlannedInvestment, project.ActualInvestment, completed, rows));
                var overdue = stages.Where(s => s.IsOverdue(overdueDay)).ToList();
                if (overdue.Count > 0)
                {
                    var earliest = overdue.Min(s => s.PlannedDate!.Value);
                    behind.Add(new BehindRow(project.Id, park.Id, park.NameZh, park.NameEn, project.NameZh, project.NameEn,
                        [.. overdue.Select(s => s.Kind)], earliest, overdueDay.DayNumber - earliest.DayNumber));
                }
            }
        }

        var findingRows = orderedParks.Select(p => findings.GetValueOrDefault(p.Id) ?? ParkFindings.None(p.Id))
            .Zip(orderedParks, (f, p) => new FindingRow(p.Id, p.NameZh, p.NameEn, f.EmissionExceedances, f.ShutDownDrawingPower, f.FireAlarms,
                f.Downtime.Count, Math.Round(f.DowntimeHours, 2)))
            .ToList();
        var downtime = new List<DowntimeRow>();
        foreach (var park in orderedParks)
        {
            foreach (var d in findings.GetValueOrDefault(park.Id)?.Downtime ?? [])
            {
                var enterprise = park.Enterprises.FirstOrDefault(e => e.Id == d.Enterprise);
                downtime.Add(new DowntimeRow(park.Id, park.NameZh, park.NameEn, d.Enterprise, enterprise?.NameZh, enterprise?.NameEn, d.Device, d.Outages, d.Hours));
            }
        }

        var renovatedKm2 = Math.Round(projects.Where(p => p.Completed).Sum(p => p.AreaHectares) / HectaresPerKm2, 4);
        var target = district.RenovationTargetKm2;
        var summary = new ReportSummary(
            Parks: orderedParks.Count,
            AreaHectares: Math.Round(orderedParks.Sum(p => p.LandAreaHectares), 2),
            Projects: projects.Count,
            ProjectsCompleted: projects.Count(p => p.Completed),
            ProjectsBehind: behind.Count,
            RenovatedKm2: renovatedKm2,
            TargetKm2: target,
            TargetSharePercent: target is > 0 ? Math.Round(100 * renovatedKm2 / target.Value, 2) : null,
            PlannedInvestment: Math.Round(projects.Sum(p => p.PlannedInvestment ?? 0), 2),
            ActualInvestment: Math.Round(projects.Sum(p => p.ActualInvestment ?? 0), 2),
            EmissionExceedances: findingRows.Sum(f => f.EmissionExceedances),
            ShutDownDrawingPower: findingRows.Sum(f => f.ShutDownDrawingPower),
            FireAlarms: findingRows.Sum(f => f.FireAlarms),
            DowntimeHours: Math.Round(findingRows.Sum(f => f.DowntimeHours), 2));

        var categories = orderedParks
            .GroupBy(p => (p.Category, p.Batch))
            .Select(g => new CategoryRow(g.Key.Category, g.Key.Batch, g.Count(), Math.Round(g.Sum(p => p.LandAreaHectares), 2)))
            .OrderBy(c => CategoryOrder(c.Category)).ThenBy(c => c.Batch ?? int.MaxValue)
            .ToList();
        var parkRows = orderedParks.Select(p => new ParkRow(p.Id, p.NameZh, p.NameEn, p.Township, p.Category, p.Batch, p.LandAreaHectares, p.Enterprises.Count, p.LeadingIndustry)).ToList();

        // Every park gets a row; one without metered energy shows none rather than a zero.
        var energyRows = orderedParks.Select(p => energy?.GetValueOrDefault(p.Id) is { } e
                ? new EnergyRow(p.Id, p.NameZh, p.NameEn, Math.Round(e.Kwh, 1), Math.Round(e.Tce, 3), e.Coverage is { } c ? Math.Round(c, 4) : null)
                : new EnergyRow(p.Id, p.NameZh, p.NameEn, null, null, null))
            .ToList();
        var energyTotal = new ReportEnergy(Math.Round(energyRows.Sum(r => r.Kwh ?? 0), 1), Math.Round(energyRows.Sum(r => r.Tce ?? 0), 3), energyRows);

        return new QuarterlyReport(
            new ReportDistrict(district.Id, district.NameZh, district.NameEn, district.CityNameZh, district.CityNameEn),
            quarter.ToString(), quarter.FirstDay, quarter.LastDay, asOf, generatedAt,
            summary, categories, parkRows, projects, behind, findingRows, downtime, energyTotal, efficiency, rectification);
    }

    /// <summary>The stage as it stood on <paramref name="asOf"/>: a completion recorded after that day had not happened yet.</summary>
    private static ProjectStage AsOf(ProjectStage stage, DateOnly asOf) => new()
    {
        Kind = stage.Kind,
        Order = stage.Order,
        PlannedDate = stage.PlannedDate,
        ActualDate = stage.ActualDate is { } actual && actual <= asOf ? actual : null,
    };

    private static string Status(ProjectStage stage, DateOnly overdueDay) =>
        stage.IsDone ? StageStatus.Done
        : stage.IsOverdue(overdueDay) ? StageStatus.Overdue
        : stage.PlannedDate is null ? StageStatus.Unplanned
        : StageStatus.Pending;

    private static int CategoryOrder(string? category) =>
        category is null ? int.MaxValue : ParkData.Vocabulary.ParkCategory.All.ToList().IndexOf(category) is var i and >= 0 ? i : int.MaxValue - 1;
}
