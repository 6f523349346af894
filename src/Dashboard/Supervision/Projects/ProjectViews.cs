using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Projects;

/// <summary>A stage as the pages show it: planned against actual, done, overdue (<see cref="ProjectStage.IsOverdue"/>).</summary>
public sealed record StageView(long Id, string Kind, int Order, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note, long Version, bool Done, bool Overdue)
{
    public static StageView Of(ProjectStage s, DateOnly today) =>
        new(s.Id, s.Kind, s.Order, s.PlannedDate, s.ActualDate, s.Note, s.Version, s.IsDone, s.IsOverdue(today));
}

/// <summary>A project with its stages in order, its current stage and whether any stage is overdue.</summary>
public sealed record ProjectView(
    long Id, string ParkId, string NameZh, string? NameEn, string Kind, double AreaHectares,
    double? PlannedInvestment, double? ActualInvestment, long Version,
    string CurrentStage, bool Complete, bool Overdue, IReadOnlyList<StageView> Stages)
{
    public static ProjectView Of(RenovationProject p, DateOnly today) => new(
        p.Id, p.ParkId, p.NameZh, p.NameEn, p.Kind, p.AreaHectares, p.PlannedInvestment, p.ActualInvestment, p.Version,
        ProjectProgress.CurrentStage(p.Stages), ProjectProgress.IsComplete(p.Stages), ProjectProgress.IsOverdue(p.Stages, today),
        [.. p.Stages.OrderBy(s => s.Order).Select(s => StageView.Of(s, today))]);
}

/// <summary>A new project: every stage of its kind is created, with the planned dates given (by stage kind).</summary>
public sealed record NewProject(
    string? NameZh, string? NameEn, string? Kind, double? AreaHectares, double? PlannedInvestment, double? ActualInvestment,
    IReadOnlyDictionary<string, DateOnly?>? PlannedDates);

/// <summary>
/// An edit of a project: its fields (as the editor last read them, <see cref="Version"/>) and any
/// of its stages (each with its own version). A version that is no longer the row's answers 409.
/// </summary>
public sealed record ProjectEdit(
    long Version, string? NameZh, string? NameEn, double? AreaHectares, double? PlannedInvestment, double? ActualInvestment,
    IReadOnlyList<StageEdit>? Stages);

public sealed record StageEdit(string Kind, long Version, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note);
