using SmartPark.ParkData.Vocabulary;

namespace SmartPark.ParkData.Entities;

/// <summary>
/// A renovation project on a park (or part of one), supervised over its whole life: its kind,
/// its <see cref="Stages"/> with planned and actual dates, investment and the area it renovates.
/// </summary>
public sealed class RenovationProject : IVersioned, IAudited
{
    public long Id { get; set; }
    public required string ParkId { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }

    /// <summary>One of <see cref="ParkCategory.All"/>; decides the <see cref="StageKind.For">stages</see>.</summary>
    public required string Kind { get; set; }

    /// <summary>The area this project renovates, hectares (a part of the park, or all of it).</summary>
    public double AreaHectares { get; set; }

    /// <summary>Planned and actual investment in 万元 (10,000 CNY), as the plans count it. A double, not a decimal:
    /// SQLite cannot sum decimals in SQL, and these are planning figures to two places, not accounts.</summary>
    public double? PlannedInvestment { get; set; }
    public double? ActualInvestment { get; set; }

    public long Version { get; set; }

    public Park? Park { get; set; }
    public List<ProjectStage> Stages { get; set; } = [];

    public string AuditKey => $"project:{Id}";
}

/// <summary>
/// One stage of a project. Done when <see cref="ActualDate"/> is set; overdue when its planned
/// date has passed and it is not done (<see cref="IsOverdue"/>), which every view shows the same.
/// </summary>
public sealed class ProjectStage : IVersioned, IAudited
{
    public long Id { get; set; }
    public long ProjectId { get; set; }

    /// <summary>One of <see cref="StageKind.All"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Position in the project (0 first).</summary>
    public int Order { get; set; }

    public DateOnly? PlannedDate { get; set; }
    public DateOnly? ActualDate { get; set; }
    public string? Note { get; set; }

    public long Version { get; set; }

    public RenovationProject? Project { get; set; }

    public bool IsDone => ActualDate is not null;

    public bool IsOverdue(DateOnly today) => ActualDate is null && PlannedDate is { } planned && planned < today;

    public string AuditKey => $"stage:{ProjectId}/{Kind}";
}
