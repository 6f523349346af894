using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Validation;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// What the efficiency inputs tests add to <see cref="TestParkDatabase.SeedStandardAsync"/>: credit
/// codes and land on <c>p-a/e1</c> (15 mu) and a second enterprise <c>p-a/e2</c> (Baiyun), a
/// credit code on Huadu's <c>p-b/e1</c>, and an electricity meter <c>meter-a</c> of <c>p-a/e1</c>
/// whose sensor <c>m1</c> reports energy (a counter) and power (not one).
/// </summary>
public static class EfficiencyInputsSeed
{
    public static readonly string CodeA1 = Code("91440111MA5CUQ2X1");
    public static readonly string CodeA2 = Code("91440111MA5CUQ3X2");
    public static readonly string CodeHuadu = Code("91440114MA5CUQ4X3");
    public const string Meter = "meter-a";

    private static string Code(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    public static async Task<SupervisionStack> StartAsync(string provider)
    {
        var stack = await SupervisionStack.StartAsync(provider);
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        db.Actor = "test-seed";
        var a1 = db.Enterprises.Single(e => e.ParkId == "p-a" && e.Id == "e1");
        a1.CreditCode = CodeA1;
        a1.LandAreaM2 = 10_000;
        db.Enterprises.Single(e => e.ParkId == "p-b" && e.Id == "e1").CreditCode = CodeHuadu;
        db.Enterprises.Add(new Enterprise { ParkId = "p-a", Id = "e2", NameZh = "企业二", Industry = "电子", CreditCode = CodeA2, LandAreaM2 = 20_000 });
        db.Devices.Add(new Device { Id = Meter, ParkId = "p-a", EnterpriseId = "e1", Credential = "unused", SensorsJson = """[{"id":"m1","quantities":["energy","power"]}]""" });
        await db.SaveChangesAsync();
        return stack;
    }
}
