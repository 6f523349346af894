using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent.Drivers.Simulated;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Simulator.Generation.District;

/// <summary>
/// A park's renovation project and how far it has got: stages planned one after another from the
/// decision, done (with an actual date) when their time has come and the project keeps pace, and
/// left undone past their planned date when it lags or stalls, which makes them overdue.
/// </summary>
public static class ProjectSchedule
{
    /// <summary>Days from the previous stage's planned date (the first: from the decision).</summary>
    private static readonly int[] RenovationDays = [60, 120, 300, 90, 60];
    private static readonly int[] ClosureDays = [0, 90, 90, 60];

    /// <summary>The stage after which the project's area counts as renovated (a cleared site, an accepted renovation).</summary>
    public static string CompletingStage(string kind) => kind == ParkCategory.Eliminate ? StageKind.SiteCleared : StageKind.Acceptance;

    public static RenovationProject Build(Park park, DateOnly today, bool live, SeededNoise random)
    {
        var kind = park.Category!;
        var kinds = StageKind.For(kind);
        var days = kind == ParkCategory.Eliminate ? ClosureDays : RenovationDays;
        // A live park is mid-construction and on time, so its live data sits beside a project that moves.
        var start = live ? today.AddDays(-250) : park.DecisionDate!.Value.AddDays(kind == ParkCategory.Eliminate ? 0 : 30);
        var delay = live ? -5 : (int)random.Uniform(-15, 45);
        var stalled = !live && random.Chance(0.15);
        var area = kind == ParkCategory.Upgrade ? Math.Round(park.LandAreaHectares * random.Uniform(0.6, 1.0), 1) : park.LandAreaHectares;
        var perHectare = kind switch
        {
            ParkCategory.Upgrade => random.Uniform(300, 600),
            ParkCategory.Convert => random.Uniform(400, 800),
            ParkCategory.Relocate => random.Uniform(150, 300),
            _ => random.Uniform(20, 60),
        };
        var project = new RenovationProject
        {
            ParkId = park.Id,
            NameZh = park.NameZh + KindZh(kind) + "项目",
            NameEn = $"{park.NameEn} {KindEn(kind)} project",
            Kind = kind,
            AreaHectares = area,
            PlannedInvestment = Math.Round(area * perHectare, 1),
        };
        var planned = start;
        DateOnly? previousActual = null;
        var going = true;
        for (var i = 0; i < kinds.Count; i++)
        {
            planned = planned.AddDays(days[i] + (i == 0 ? 0 : (int)random.Uniform(-10, 15)));
            var stage = new ProjectStage { Kind = kinds[i], Order = i, PlannedDate = planned, Project = project };
            var due = planned.AddDays(delay + (int)random.Uniform(-5, 10));
            // A stalled project stops at the first stage whose time has come; a late one finishes stages late.
            if (going && stalled && planned < today)
                going = false;
            if (going && due <= today)
            {
                var actual = due;
                if (previousActual is { } before && actual < before)
                    actual = before;
                stage.ActualDate = actual;
                previousActual = actual;
            }
            else
            {
                going = false;
            }
            project.Stages.Add(stage);
        }
        var doneShare = project.Stages.Count(s => s.IsDone) / (double)project.Stages.Count;
        if (doneShare > 0)
            project.ActualInvestment = Math.Round(project.PlannedInvestment!.Value * doneShare * random.Uniform(0.85, 1.1), 1);
        return project;
    }

    /// <summary>
    /// A district view with nothing overdue would show nothing to chase: when chance left fewer than
    /// a tenth of the projects (at least two) overdue, the next pending stages of the first projects
    /// still under way are made to have slipped.
    /// </summary>
    public static void EnsureSomeOverdue(IReadOnlyList<Park> parks, DateOnly today)
    {
        var projects = parks.SelectMany(p => p.Projects).ToList();
        var wanted = Math.Max(2, projects.Count / 10);
        var missing = wanted - projects.Count(p => IsOverdue(p, today));
        foreach (var project in projects.Where(p => !IsOverdue(p, today) && p.Stages.Any(s => !s.IsDone)))
        {
            if (missing-- <= 0)
                break;
            var pending = project.Stages.First(s => !s.IsDone);
            pending.PlannedDate = today.AddDays(-10 - (7 * missing));
        }
    }

    public static bool IsOverdue(RenovationProject project, DateOnly today) => project.Stages.Any(s => s.IsOverdue(today));

    public static bool IsComplete(RenovationProject project) =>
        project.Stages.Any(s => s.Kind == CompletingStage(project.Kind) && s.IsDone);

    /// <summary>Enterprises' renovation status follows their park's project: shut down once production stopped, upgraded once accepted.</summary>
    public static void SetEnterpriseStatuses(Park park)
    {
        var project = park.Projects.FirstOrDefault();
        bool Done(string kind) => project?.Stages.Any(s => s.Kind == kind && s.IsDone) == true;
        var status = park.Category switch
        {
            ParkCategory.Eliminate => Done(StageKind.ProductionStopped) ? RenovationStatus.ShutDown : RenovationStatus.Operating,
            ParkCategory.Relocate => RenovationStatus.Relocating,
            ParkCategory.Convert => RenovationStatus.Converting,
            ParkCategory.Upgrade => Done(StageKind.Acceptance) ? RenovationStatus.Upgraded : RenovationStatus.Operating,
            _ => RenovationStatus.Operating,
        };
        foreach (var enterprise in park.Enterprises)
            enterprise.Status = status;
    }

    private static string KindZh(string kind) => kind switch
    {
        ParkCategory.Eliminate => "淘汰关停",
        ParkCategory.Relocate => "合并搬迁",
        ParkCategory.Convert => "功能转换",
        _ => "改造提升",
    };

    private static string KindEn(string kind) => kind switch
    {
        ParkCategory.Eliminate => "closure",
        ParkCategory.Relocate => "relocation",
        ParkCategory.Convert => "conversion",
        _ => "upgrade",
    };
}
