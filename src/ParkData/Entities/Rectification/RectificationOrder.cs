using SmartPark.ParkData.Rectification;

namespace SmartPark.ParkData.Entities.Rectification;

/// <summary>
/// A hazard rectification order (隐患整改通知): what was found at an enterprise of a park, where it
/// came from (an alert, an inspection, or recorded by hand), who at the enterprise answers for it
/// and by when. Its <see cref="State"/> moves only through <see cref="RectificationStateMachine"/>
/// (open → replied → verified → closed, or verification rejected back to open), and every move is a
/// <see cref="RectificationStep"/>: the order's history, as the page's timeline shows it.
/// </summary>
public sealed class RectificationOrder : IVersioned, IAudited
{
    public long Id { get; set; }

    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }

    /// <summary>One of <see cref="RectificationSources.All"/>: <c>alert</c>, <c>inspection</c> or <c>manual</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The alert it was raised from (<see cref="Source"/> <c>alert</c>).</summary>
    public string? AlertId { get; set; }

    /// <summary>The inspection whose failed item raised it (<see cref="Source"/> <c>inspection</c>).</summary>
    public long? InspectionId { get; set; }

    /// <summary>One of <see cref="HazardCategories.All"/>.</summary>
    public required string Hazard { get; set; }

    public required string Description { get; set; }

    /// <summary>The enterprise's responsible person (default: its contact on the enterprise row).</summary>
    public string? ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }

    /// <summary>The last day (China Standard Time) the hazard may remain; overdue from the next day if not closed.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>One of <see cref="RectificationStates.All"/>.</summary>
    public required string State { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>SHA-256 (hex) of the enterprise's reply link's token; the token itself is never stored. Null: no link.</summary>
    public string? ReplyTokenHash { get; set; }
    public DateTime? ReplyTokenExpiresAt { get; set; }

    public long Version { get; set; }

    public List<RectificationStep> Steps { get; set; } = [];
    public List<RectificationEvidence> Evidence { get; set; } = [];

    /// <summary>Past its deadline and not closed, as of <paramref name="today"/> (China Standard Time): the one definition of overdue.</summary>
    public bool IsOverdue(DateOnly today) => State != RectificationStates.Closed && Deadline < today;

    public string AuditKey => $"rectification:{ParkId}/{Id}";
}

/// <summary>One step of an order's history: who moved it from which state to which, when, and why.</summary>
public sealed class RectificationStep
{
    public long Id { get; set; }
    public long OrderId { get; set; }

    /// <summary>One of <see cref="RectificationActions.All"/>.</summary>
    public required string Action { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public DateTime At { get; set; }

    /// <summary>A Dashboard user's name, or <c>enterprise:NAME</c> for a reply through the reply link.</summary>
    public required string Actor { get; set; }
    public string? Note { get; set; }

    public RectificationOrder? Order { get; set; }
}

/// <summary>
/// A photo or a PDF attached to an order, by the operator or through the enterprise's reply. The
/// file lies under the evidence folder named by its content hash (<see cref="Sha256"/>), never by
/// the uploaded name; <see cref="ContentType"/> is what its first bytes are, not what the upload said.
/// </summary>
public sealed class RectificationEvidence : IAudited
{
    public long Id { get; set; }
    public long OrderId { get; set; }

    /// <summary>The order's park, kept on the row so access and the audit trail need no join.</summary>
    public required string ParkId { get; set; }

    /// <summary>The step it came with (a reply, a verification), if any.</summary>
    public long? StepId { get; set; }

    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>The uploaded file name, cleaned, for display only (textContent); never a path.</summary>
    public string? OriginalName { get; set; }

    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }

    public RectificationOrder? Order { get; set; }
    public RectificationStep? Step { get; set; }

    public string AuditKey => $"rectification-evidence:{ParkId}/{OrderId}/{Id}";
}
