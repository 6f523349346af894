using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;

namespace SmartPark.IntegrationTests.ParkDatabaseTests;

/// <summary>Rows the park-database tests add: a park in Baiyun, enterprises with valid credit codes, devices with $7$ hashes.</summary>
internal static class ParkRows
{
    /// <summary>Published codes (the unit tests check them): valid check characters.</summary>
    public const string CreditCode = "91350100M000100Y43";
    public const string OtherCreditCode = "91110000600037341L";

    public static Park Park(string id = "baiyun-shimen") => new()
    {
        Id = id,
        NameZh = "石门工业园",
        NameEn = "Shimen Industrial Park",
        DistrictId = "baiyun",
        LandAreaHectares = 12.5,
        LeadingIndustry = "printing",
    };

    public static Enterprise Enterprise(string park, string id, string? creditCode = null) => new()
    {
        ParkId = park,
        Id = id,
        NameZh = "华南印务",
        NameEn = "South China Printing",
        CreditCode = creditCode,
        Industry = "printing",
        FloorAreaM2 = 1200,
        LandAreaM2 = 2000,
    };

    public static Device Device(string park, string enterprise, string id) => new()
    {
        Id = id,
        ParkId = park,
        EnterpriseId = enterprise,
        // Few iterations: the tests are about who gets in, not hash cost.
        Credential = MosquittoPasswordHash.Create(PasswordOf(id), iterations: 50),
        SensorsJson = """[{"id":"voc-1","quantities":["nmhc"]}]""",
    };

    public static string PasswordOf(string device) => device + "-pw";
}
