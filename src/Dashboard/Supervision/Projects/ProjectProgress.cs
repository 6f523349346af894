using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Projects;

/// <summary>
/// Where a project and a park stand, derived from the stages alone. Overdue is always
/// <see cref="ProjectStage.IsOverdue"/>; nothing here has its own notion of late.
/// </summary>
public static class ProjectProgress
{
    /// <summary>The stage of a project whose every stage is done.</summary>
    public const string Completed = "completed";

    /// <summary>The stage of a park without any project.</summary>
    public const string NoProject = "none";

    /// <summary>The first stage (in order) not yet done, or <see cref="Completed"/>.</summary>
    public static string CurrentStage(IEnumerable<ProjectStage> stages) =>
        stages.OrderBy(s => s.Order).FirstOrDefault(s => !s.IsDone)?.Kind ?? Completed;

    /// <summary>Done when its last stage is done (operation begun, or the closed site cleared): what counts as renovated area.</summary>
    public static bool IsComplete(IEnumerable<ProjectStage> stages) =>
        stages.MaxBy(s => s.Order) is { IsDone: true };

    public static bool IsOverdue(IEnumerable<ProjectStage> stages, DateOnly today) => stages.Any(s => s.IsOverdue(today));

    /// <summary>
    /// A park's stage: that of its least advanced unfinished project (the one holding it back),
    /// <see cref="Completed"/> when all are done, <see cref="NoProject"/> without any.
    /// </summary>
    public static string ParkStage(IEnumerable<RenovationProject> projects)
    {
        var list = projects.ToList();
        if (list.Count == 0)
            return NoProject;
        var behind = list
            .Select(p => p.Stages.OrderBy(s => s.Order).FirstOrDefault(s => !s.IsDone))
            .OfType<ProjectStage>()
            .MinBy(s => s.Order);
        return behind?.Kind ?? Completed;
    }
}
