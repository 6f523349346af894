using SmartPark.Dashboard.Supervision.Findings;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.UnitTests.Dashboard.Reports;

/// <summary>The report's sums and its view of each stage as of the quarter's end.</summary>
public sealed class QuarterlyReportAssemblerTests
{
    private static readonly ReportQuarter Q3 = ReportQuarter.Create(2026, 3);
    private static readonly DateTimeOffset Generated = new(2026, 10, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly Jurisdiction Baiyun = new()
    {
        Id = "baiyun",
        CityId = "guangzhou",
        NameZh = "白云区",
        NameEn = "Baiyun",
        CityNameZh = "广州市",
        CityNameEn = "Guangzhou",
        RenovationTargetKm2 = 0.5,
    };

    private static Park Park(string id, string? category, int? batch, double hectares, params RenovationProject[] projects) => new()
    {
        Id = id,
        NameZh = id + "园",
        NameEn = id + " Park",
        DistrictId = "baiyun",
        LeadingIndustry = "printing",
        Category = category,
        Batch = batch,
        LandAreaHectares = hectares,
        Projects = [.. projects],
    };

    private static RenovationProject Project(long id, double hectares, params (string Kind, DateOnly? Planned, DateOnly? Actual)[] stages) => new()
    {
        Id = id,
        ParkId = "x",
        NameZh = $"项目{id}",
        NameEn = $"Project {id}",
        Kind = ParkCategory.Upgrade,
        AreaHectares = hectares,
        PlannedInvestment = 100 * id,
        ActualInvestment = 50 * id,
        Stages = [.. stages.Select((s, i) => new ProjectStage { Kind = s.Kind, Order = i, PlannedDate = s.Planned, ActualDate = s.Actual })],
    };

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static QuarterlyReport Assemble(params Park[] parks) =>
        QuarterlyReportAssembler.Assemble(Baiyun, parks, new Dictionary<string, ParkFindings>(), Q3, Q3.LastDay, Generated);

    [Fact]
    public void A_stage_planned_for_the_quarters_last_day_and_not_done_by_then_is_overdue()
    {
        var report = Assemble(Park("a", ParkCategory.Upgrade, 1, 10,
            Project(1, 5, (StageKind.Approval, D(7, 1), D(7, 2)), (StageKind.Design, D(9, 30), null), (StageKind.Construction, D(12, 31), null))));
        var stages = Assert.Single(report.Projects).Stages;
        Assert.Equal([StageStatus.Done, StageStatus.Overdue, StageStatus.Pending], stages.Select(s => s.Status));
        var behind = Assert.Single(report.Behind);
        Assert.Equal([StageKind.Design], behind.OverdueStages);
        Assert.Equal((D(9, 30), 1), (behind.EarliestPlanned, behind.DaysOverdue));
    }

    [Fact]
    public void A_stage_finished_after_the_quarter_counts_as_not_done_in_that_quarters_report()
    {
        var report = Assemble(Park("a", ParkCategory.Upgrade, 1, 10,
            Project(1, 5, (StageKind.Approval, D(8, 1), D(10, 15)))));
        var stage = Assert.Single(Assert.Single(report.Projects).Stages);
        Assert.Equal((StageStatus.Overdue, (DateOnly?)null), (stage.Status, stage.Actual));
        Assert.False(report.Projects[0].Completed);
        Assert.Equal(61, Assert.Single(report.Behind).DaysOverdue);
    }

    [Fact]
    public void Renovated_area_is_the_area_of_projects_whose_every_stage_is_done_against_the_districts_target()
    {
        var report = Assemble(
            Park("a", ParkCategory.Upgrade, 1, 30,
                Project(1, 20, (StageKind.Approval, D(7, 1), D(7, 1)), (StageKind.Operation, D(9, 1), D(8, 30))),
                Project(2, 7, (StageKind.Approval, D(7, 1), D(7, 1)), (StageKind.Operation, D(12, 1), null))),
            Park("b", ParkCategory.Eliminate, 2, 5,
                Project(3, 5, (StageKind.ClosureDecision, D(7, 1), D(7, 1)), (StageKind.SiteCleared, D(9, 1), D(9, 2)))),
            Park("c", null, null, 2));
        var s = report.Summary;
        Assert.Equal((3, 37.0, 3, 2, 0), (s.Parks, s.AreaHectares, s.Projects, s.ProjectsCompleted, s.ProjectsBehind));
        Assert.Equal((0.25, 0.5, (double?)50), (s.RenovatedKm2, s.TargetKm2, s.TargetSharePercent));
        Assert.Equal((600.0, 300.0), (s.PlannedInvestment, s.ActualInvestment));
        // Categories in the programme's order, unclassified last.
        Assert.Equal([(ParkCategory.Eliminate, 2, 1, 5.0), (ParkCategory.Upgrade, 1, 1, 30.0), ((string?)null, (int?)null, 1, 2.0)],
            report.Categories.Select(c => (c.Category, c.Batch, c.Parks, c.AreaHectares)));
    }

    [Fact]
    public void Findings_are_summed_per_park_and_downtime_carries_the_enterprises_names()
    {
        var park = Park("a", ParkCategory.Upgrade, 1, 10);
        park.Enterprises.Add(new Enterprise { ParkId = "a", Id = "e1", NameZh = "华新家具", NameEn = "Huaxin Furniture", Industry = "furniture" });
        var findings = new Dictionary<string, ParkFindings>
        {
            ["a"] = new("a", 3, 1, 2, [new DeviceDowntime("a", "e1", "e1-edge1", 4.5, 2), new DeviceDowntime("a", "e9", "e9-edge1", 1, 1)]),
        };
        var report = QuarterlyReportAssembler.Assemble(Baiyun, [park, Park("b", null, null, 1)], findings, Q3, Q3.LastDay, Generated);
        Assert.Equal((3, 1, 2, 5.5), (report.Summary.EmissionExceedances, report.Summary.ShutDownDrawingPower, report.Summary.FireAlarms, report.Summary.DowntimeHours));
        Assert.Equal([("a", 2, 5.5), ("b", 0, 0.0)], report.Findings.Select(f => (f.ParkId, f.DevicesOffline, f.DowntimeHours)));
        Assert.Equal([("华新家具", "Huaxin Furniture"), (null, null)], report.Downtime.Select(d => (d.EnterpriseNameZh, d.EnterpriseNameEn)));
    }
}
