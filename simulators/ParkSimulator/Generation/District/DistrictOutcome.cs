using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Simulator.Generation.District;

/// <summary>One overdue project: the stage that is late and by how many days.</summary>
public sealed record OverdueProject(string ParkId, string Project, string Stage, DateOnly Planned, int DaysOverdue);

/// <summary>
/// What a district view must show for a district: parks by category and batch, projects complete and
/// overdue, and the area renovated against the target. Computed from park rows, so the same function
/// describes a freshly generated plan and what the database holds after writing it (a re-run on a
/// later day reports the database as it is then).
/// </summary>
public sealed record DistrictOutcome
{
    /// <summary>Key for parks not yet classified in <see cref="ParksByCategory"/>.</summary>
    public const string Unclassified = "unclassified";

    public required string District { get; init; }
    public required DateOnly Today { get; init; }
    public int Parks { get; init; }
    public required IReadOnlyDictionary<string, int> ParksByCategory { get; init; }
    public required IReadOnlyDictionary<string, int> ParksByBatch { get; init; }
    public int Enterprises { get; init; }
    public int Projects { get; init; }
    public int ProjectsComplete { get; init; }
    public required IReadOnlyList<OverdueProject> OverdueProjects { get; init; }
    public double ClassifiedHectares { get; init; }

    /// <summary>Area of the projects whose completing stage is done (<see cref="ProjectSchedule.CompletingStage"/>).</summary>
    public double RenovatedHectares { get; init; }
    public double? TargetKm2 { get; init; }
    public double? RenovatedShareOfTarget { get; init; }

    public static DistrictOutcome Of(Jurisdiction district, IReadOnlyCollection<Park> parks, DateOnly today)
    {
        var projects = parks.SelectMany(p => p.Projects).ToList();
        var renovated = Math.Round(projects.Where(ProjectSchedule.IsComplete).Sum(p => p.AreaHectares), 1);
        return new DistrictOutcome
        {
            District = district.Id,
            Today = today,
            Parks = parks.Count,
            ParksByCategory = ParkCategory.All.Append(Unclassified)
                .ToDictionary(c => c, c => parks.Count(p => (p.Category ?? Unclassified) == c), StringComparer.Ordinal),
            ParksByBatch = parks.Where(p => p.Batch is not null).GroupBy(p => p.Batch!.Value).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count(), StringComparer.Ordinal),
            Enterprises = parks.Sum(p => p.Enterprises.Count),
            Projects = projects.Count,
            ProjectsComplete = projects.Count(ProjectSchedule.IsComplete),
            OverdueProjects = [.. projects
                .Select(p => (Project: p, Late: p.Stages.OrderBy(s => s.Order).FirstOrDefault(s => s.IsOverdue(today))))
                .Where(x => x.Late is not null)
                .Select(x => new OverdueProject(x.Project.ParkId, x.Project.NameEn ?? x.Project.NameZh, x.Late!.Kind, x.Late.PlannedDate!.Value, today.DayNumber - x.Late.PlannedDate!.Value.DayNumber))
                .OrderBy(o => o.ParkId, StringComparer.Ordinal)],
            ClassifiedHectares = Math.Round(parks.Where(p => p.Category is not null).Sum(p => p.LandAreaHectares), 1),
            RenovatedHectares = renovated,
            TargetKm2 = district.RenovationTargetKm2,
            RenovatedShareOfTarget = district.RenovationTargetKm2 is > 0 and var target ? Math.Round(renovated / 100 / target, 3) : null,
        };
    }
}
