using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// Rectification orders of the report's district (2026 Q3, as of 30 September, China Standard Time):
/// Shimen's electrical order 52 days overdue and its gas order due on the quarter's last day (late
/// at that day's end, as a stage is: 1 day); Jianggao's fire order closed within the quarter and its
/// fire-water order, issued in June, verified but not closed and 30 days overdue. Expected: 3 issued,
/// 1 closed, 3 open at the end, 3 overdue.
/// </summary>
public static class ReportRectificationSeed
{
    private static DateTime China(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;

    public static async Task SeedAsync(ParkDbContext db)
    {
        db.Actor = "test-seed";
        db.RectificationOrders.AddRange(
            Order("by-shimen", "e01", HazardCategories.Electrical, "配电箱门未关闭，电缆接头发热", China(7, 10), new DateOnly(2026, 8, 10), RectificationStates.Open, null),
            Order("by-shimen", "e05", HazardCategories.Gas, "燃气阀门锈蚀", China(8, 1), new DateOnly(2026, 9, 30), RectificationStates.Open, null),
            Order("by-jianggao", "e02", HazardCategories.Fire, "安全出口锁闭", China(7, 5), new DateOnly(2026, 7, 20), RectificationStates.Closed, China(7, 18)),
            Order("by-jianggao", "e02", HazardCategories.FireWater, "消防水池水位低", China(6, 20), new DateOnly(2026, 9, 1), RectificationStates.Verified, null));
        await db.SaveChangesAsync();
    }

    private static RectificationOrder Order(string park, string enterprise, string hazard, string description, DateTime created, DateOnly deadline, string state, DateTime? closed) => new()
    {
        ParkId = park,
        EnterpriseId = enterprise,
        Source = RectificationSources.Manual,
        Hazard = hazard,
        Description = description,
        Deadline = deadline,
        State = state,
        CreatedAt = created,
        CreatedBy = "op",
        ClosedAt = closed,
    };
}
