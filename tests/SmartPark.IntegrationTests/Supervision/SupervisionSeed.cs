using SmartPark.Dashboard.Supervision;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// A small, known set of parks and projects for the supervision tests, written through
/// <see cref="ParkDbContext"/> (so versions and audit are as in production). Dates are relative
/// to today in China Standard Time, so "overdue" holds whatever day the tests run.
/// <list type="bullet">
/// <item><c>p-a</c> (Baiyun, upgrade, 10 ha): its project's design stage is 30 days late.</item>
/// <item><c>baiyun-done</c> (Baiyun, convert, 12 ha): project complete, 12 ha renovated.</item>
/// <item><c>baiyun-new</c> (Baiyun, not classified, no project, no coordinates).</item>
/// <item><c>p-b</c> (Huangpu, eliminate, 5 ha): closure project, site cleared, 5 ha.</item>
/// </list>
/// </summary>
public static class SupervisionSeed
{
    public const string OverduePark = "p-a";
    public const string CompletePark = "baiyun-done";
    public const string UnclassifiedPark = "baiyun-new";
    public const string HuangpuPark = "p-b";
    public const string OverdueProjectName = "石门园区改造提升项目";

    public static DateOnly Today => SupervisionCalendar.Today(TimeProvider.System);

    public static async Task SeedAsync(ParkDbContext db)
    {
        var today = Today;
        db.Actor = "test-seed";
        db.Parks.AddRange(
            Park(OverduePark, "石门工业园", "Shimen Industrial Park", "baiyun", ParkCategory.Upgrade, 10, 23.270, 113.300),
            Park(CompletePark, "江高产业园", "Jianggao Park", "baiyun", ParkCategory.Convert, 12, 23.300, 113.230),
            Park(UnclassifiedPark, "钟落潭园区", null, "baiyun", null, 3, null, null),
            Park(HuangpuPark, "黄埔关停园", "Huangpu Closed Park", "huangpu", ParkCategory.Eliminate, 5, 23.180, 113.480));
        db.Projects.AddRange(
            Project(OverduePark, OverdueProjectName, "Shimen upgrade", ParkCategory.Upgrade, 10,
                (today.AddDays(-90), today.AddDays(-88)), (today.AddDays(-30), null), (today.AddDays(60), null), (today.AddDays(120), null), (today.AddDays(180), null)),
            Project(CompletePark, "江高功能转换", "Jianggao conversion", ParkCategory.Convert, 12,
                (today.AddDays(-400), today.AddDays(-400)), (today.AddDays(-300), today.AddDays(-310)), (today.AddDays(-200), today.AddDays(-190)), (today.AddDays(-100), today.AddDays(-100)), (today.AddDays(-50), today.AddDays(-40))),
            Project(HuangpuPark, "黄埔关停清理", "Huangpu closure", ParkCategory.Eliminate, 5,
                (today.AddDays(-100), today.AddDays(-100)), (today.AddDays(-80), today.AddDays(-80)), (today.AddDays(-60), today.AddDays(-61)), (today.AddDays(-40), today.AddDays(-45))));
        await db.SaveChangesAsync();
    }

    private static Park Park(string id, string zh, string? en, string district, string? category, double hectares, double? lat, double? lng) => new()
    {
        Id = id,
        NameZh = zh,
        NameEn = en,
        DistrictId = district,
        Category = category,
        Batch = category is null ? null : 1,
        LandAreaHectares = hectares,
        Latitude = lat,
        Longitude = lng,
        LeadingIndustry = "furniture",
    };

    private static RenovationProject Project(string park, string zh, string en, string kind, double hectares, params (DateOnly Planned, DateOnly? Actual)[] dates) => new()
    {
        ParkId = park,
        NameZh = zh,
        NameEn = en,
        Kind = kind,
        AreaHectares = hectares,
        Stages = [.. StageKind.For(kind).Select((stage, i) => new ProjectStage { Kind = stage, Order = i, PlannedDate = dates[i].Planned, ActualDate = dates[i].Actual })],
    };
}
