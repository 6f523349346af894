using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// The quarterly report's hazard rectification: orders issued and closed in the quarter, those
/// still open at its end, and the overdue ones (past their deadline and not closed by the end of
/// the quarter's last day, China Standard Time) listed with how many days late.
/// </summary>
public sealed record ReportRectification(int Issued, int Closed, int OpenAtEnd, int Overdue, IReadOnlyList<OverdueOrderRow> OverdueOrders);

public sealed record OverdueOrderRow(string ParkId, string ParkNameZh, string? ParkNameEn, string EnterpriseId, string? EnterpriseNameZh, string? EnterpriseNameEn,
    long OrderId, string Hazard, string Description, DateOnly Deadline, string State, int DaysOverdue);

/// <summary>Reads the section from the park database for the district's parks, as of the report's day.</summary>
public static class ReportRectificationReader
{
    public static async Task<ReportRectification> ReadAsync(ParkDbContext db, IReadOnlyList<ParkData.Entities.Park> parks, ReportQuarter quarter, DateOnly asOf, CancellationToken ct)
    {
        var ids = parks.Select(p => p.Id).ToList();
        // Orders issued by the end of the report's day (UTC bounds of China Standard Time days).
        var endOfDay = new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), SupervisionCalendar.ChinaStandardTime).UtcDateTime;
        var start = quarter.Start.UtcDateTime;
        var orders = await db.RectificationOrders.AsNoTracking().Where(o => ids.Contains(o.ParkId) && o.CreatedAt < endOfDay).ToListAsync(ct);
        var overdueDay = asOf.AddDays(1);
        bool ClosedBy(ParkData.Entities.Rectification.RectificationOrder o) => o.State == RectificationStates.Closed && o.ClosedAt is { } c && c < endOfDay;
        var overdue = orders.Where(o => !ClosedBy(o) && o.Deadline < overdueDay).ToList();
        var parkById = parks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var rows = overdue
            .Select(o =>
            {
                var park = parkById[o.ParkId];
                var enterprise = park.Enterprises.FirstOrDefault(e => e.Id == o.EnterpriseId);
                return new OverdueOrderRow(park.Id, park.NameZh, park.NameEn, o.EnterpriseId, enterprise?.NameZh, enterprise?.NameEn, o.Id, o.Hazard, o.Description,
                    o.Deadline, o.State, overdueDay.DayNumber - o.Deadline.DayNumber);
            })
            .OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.ParkId, StringComparer.Ordinal).ThenBy(r => r.OrderId)
            .ToList();
        return new ReportRectification(
            Issued: orders.Count(o => o.CreatedAt >= start),
            Closed: orders.Count(o => ClosedBy(o) && o.ClosedAt >= start),
            OpenAtEnd: orders.Count(o => !ClosedBy(o)),
            Overdue: rows.Count,
            OverdueOrders: rows);
    }
}
