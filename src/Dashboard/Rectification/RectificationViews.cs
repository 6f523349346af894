using SmartPark.ParkData.Entities.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>An order as the lists show it; <c>overdue</c> and <c>daysLeft</c> as of today in China Standard Time.</summary>
public sealed record OrderSummary(long Id, string ParkId, string EnterpriseId, string? EnterpriseNameZh, string? EnterpriseNameEn,
    string Source, string? AlertId, long? InspectionId, string Hazard, string Description, string? ResponsibleName, DateOnly Deadline,
    string State, bool Overdue, int DaysLeft, DateTime CreatedAt, string CreatedBy, DateTime? ClosedAt, long Version)
{
    public static OrderSummary Of(RectificationOrder o, DateOnly today, (string Zh, string? En)? enterprise) => new(
        o.Id, o.ParkId, o.EnterpriseId, enterprise?.Zh, enterprise?.En, o.Source, o.AlertId, o.InspectionId, o.Hazard, o.Description,
        o.ResponsibleName, o.Deadline, o.State, o.IsOverdue(today), o.Deadline.DayNumber - today.DayNumber, Utc(o.CreatedAt), o.CreatedBy,
        o.ClosedAt is { } c ? Utc(c) : null, o.Version);

    internal static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}

public sealed record StepView(long Id, string Action, string? FromState, string ToState, DateTime At, string Actor, string? Note, IReadOnlyList<EvidenceView> Evidence);

public sealed record EvidenceView(long Id, string ContentType, long Size, string? Name, DateTime UploadedAt, string UploadedBy, long? StepId, string Url);

/// <summary>One order with its history (oldest first), its evidence and what the caller may do with it.</summary>
public sealed record OrderDetail(OrderSummary Order, string? ResponsiblePhone, IReadOnlyList<StepView> History, IReadOnlyList<EvidenceView> Evidence,
    bool CanManage, IReadOnlyList<string> Moves, DateTime? ReplyLinkExpiresAt);

public static class EvidenceViews
{
    public static EvidenceView Of(RectificationEvidence e) => new(e.Id, e.ContentType, e.Size, e.OriginalName, OrderSummary.Utc(e.UploadedAt), e.UploadedBy, e.StepId,
        $"api/parks/{Uri.EscapeDataString(e.ParkId)}/rectification/orders/{e.OrderId}/evidence/{e.Id}");
}
