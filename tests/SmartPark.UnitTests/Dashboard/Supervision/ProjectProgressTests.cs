using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Projects;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.UnitTests.Dashboard.Supervision;

/// <summary>Stages, overdue and area: derived the same way everywhere, against a fake clock in China Standard Time.</summary>
public sealed class ProjectProgressTests
{
    private static ProjectStage Stage(string kind, int order, string? planned, string? actual = null) => new()
    {
        Kind = kind,
        Order = order,
        PlannedDate = planned is null ? null : DateOnly.Parse(planned, System.Globalization.CultureInfo.InvariantCulture),
        ActualDate = actual is null ? null : DateOnly.Parse(actual, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static RenovationProject Project(params ProjectStage[] stages) =>
        new() { ParkId = "p", NameZh = "项目", Kind = ParkCategory.Upgrade, Stages = [.. stages] };

    [Fact]
    public void Today_and_the_quarter_turn_over_at_midnight_in_China_not_UTC()
    {
        // 16:30 UTC on 31 March is 00:30 on 1 April in Guangzhou: a new day and a new quarter.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 4, 1), SupervisionCalendar.Today(clock));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), SupervisionCalendar.QuarterStart(clock));
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 31), SupervisionCalendar.Today(clock));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), SupervisionCalendar.QuarterStart(clock));
    }

    [Fact]
    public void A_stage_is_overdue_from_the_day_after_its_planned_date_in_China_until_it_is_done()
    {
        var design = Stage(StageKind.Design, 1, "2026-05-10");
        var project = Project(Stage(StageKind.Approval, 0, "2026-04-01", "2026-04-03"), design);
        // 15:59 UTC on 10 May is still 10 May in China (23:59): due today, not late.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 15, 59, 0, TimeSpan.Zero));
        Assert.False(ProjectProgress.IsOverdue(project.Stages, SupervisionCalendar.Today(clock)));
        // One minute later it is 11 May there.
        clock.Advance(TimeSpan.FromMinutes(1));
        var today = SupervisionCalendar.Today(clock);
        Assert.True(ProjectProgress.IsOverdue(project.Stages, today));
        var overdue = Assert.Single(DistrictFigures.Overdue([project], [new Park { Id = "p", NameZh = "园", DistrictId = "baiyun", LeadingIndustry = "x" }], today));
        Assert.Equal((StageKind.Design, 1), (overdue.Stage, overdue.DaysLate));
        // Done late is no longer overdue.
        design.ActualDate = today;
        Assert.False(ProjectProgress.IsOverdue(project.Stages, today));
        Assert.Empty(DistrictFigures.Overdue([project], [], today));
    }

    [Fact]
    public void The_current_stage_is_the_first_not_done_and_a_project_is_complete_when_its_last_stage_is()
    {
        var stages = StageKind.Renovation.Select((k, i) => Stage(k, i, "2026-01-01")).ToList();
        Assert.Equal(StageKind.Approval, ProjectProgress.CurrentStage(stages));
        stages[0].ActualDate = stages[1].ActualDate = new DateOnly(2026, 1, 2);
        Assert.Equal(StageKind.Construction, ProjectProgress.CurrentStage(stages));
        Assert.False(ProjectProgress.IsComplete(stages));
        foreach (var s in stages)
            s.ActualDate = new DateOnly(2026, 2, 1);
        Assert.Equal(ProjectProgress.Completed, ProjectProgress.CurrentStage(stages));
        Assert.True(ProjectProgress.IsComplete(stages));
    }

    [Fact]
    public void A_parks_stage_is_its_least_advanced_unfinished_project()
    {
        var behind = Project(Stage(StageKind.Approval, 0, null, "2026-01-01"), Stage(StageKind.Design, 1, null));
        var ahead = Project(Stage(StageKind.Approval, 0, null, "2026-01-01"), Stage(StageKind.Design, 1, null, "2026-02-01"), Stage(StageKind.Construction, 2, null));
        var done = Project(Stage(StageKind.ClosureDecision, 0, null, "2026-01-01"), Stage(StageKind.SiteCleared, 1, null, "2026-03-01"));
        Assert.Equal(StageKind.Design, ProjectProgress.ParkStage([ahead, behind, done]));
        Assert.Equal(ProjectProgress.Completed, ProjectProgress.ParkStage([done]));
        Assert.Equal(ProjectProgress.NoProject, ProjectProgress.ParkStage([]));
    }

    [Fact]
    public void Area_renovated_is_compared_with_the_target_in_square_kilometres()
    {
        // Baiyun: 14.98 km² to renovate; 299.6 ha done is a fifth of it.
        var area = new RenovationArea(299.6, 14.98);
        Assert.Equal(2.996, area.RenovatedKm2, 9);
        Assert.Equal(1498, area.TargetHectares!.Value, 9);
        Assert.Equal(0.2, area.Share!.Value, 9);
        // No target (Qingyuan's counties): no share rather than a division by zero.
        Assert.Null(new RenovationArea(12, null).Share);
        Assert.Null(new RenovationArea(12, 0).Share);
    }
}
