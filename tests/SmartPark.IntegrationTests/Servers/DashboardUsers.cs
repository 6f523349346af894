using System.Text.Json;
using SmartPark.Dashboard.Auth;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>A person the test Dashboard lets sign in; the password is the name plus "-pw".</summary>
public sealed record TestUser(string Name, string Role, params string[] Parks)
{
    public string Password => Name + "-pw";

    /// <summary>The district a district official supervises; the city a city official does.</summary>
    public string? District { get; init; }

    public string? City { get; init; }

    /// <summary>District official of Baiyun (parks of the supervision tests' seed are in Baiyun and Huangpu).</summary>
    public static TestUser DistrictOfficial { get; } = new("district-baiyun", DashboardRoles.District) { District = "baiyun" };

    /// <summary>District official of Huangpu: "another district" for Baiyun's parks.</summary>
    public static TestUser OtherDistrictOfficial { get; } = new("district-huangpu", DashboardRoles.District) { District = "huangpu" };

    /// <summary>City official of Guangzhou (reads every Guangzhou district, edits none).</summary>
    public static TestUser CityOfficial { get; } = new("city-guangzhou", DashboardRoles.City) { City = "guangzhou" };

    /// <summary>Sees every park.</summary>
    public static TestUser Admin { get; } = new("admin", DashboardRoles.Admin);

    /// <summary>Operator of parks <c>p-a</c> and <c>p-live</c> only.</summary>
    public static TestUser OperatorA { get; } = new("op-a", DashboardRoles.Operator, "p-a", "p-live");

    public static TestUser BureauA { get; } = new("bureau-a", DashboardRoles.Bureau, "p-a");

    /// <summary>Emergency-management and fire authority of park <c>p-a</c>: its safety alarms only.</summary>
    public static TestUser SafetyA { get; } = new("safety-a", DashboardRoles.Safety, "p-a");

    /// <summary>Operator and bureau officer of the demo park (<c>baiyun-shimen</c>).</summary>
    public static TestUser OperatorDemo { get; } = new("op-demo", DashboardRoles.Operator, "baiyun-shimen");

    public static TestUser BureauDemo { get; } = new("bureau-demo", DashboardRoles.Bureau, "baiyun-shimen");

    /// <summary>The same person as <see cref="DistrictOfficial"/> (the access tests' name for them).</summary>
    public static TestUser DistrictBaiyun => DistrictOfficial;

    /// <summary>District official of Huadu (where <see cref="Supervision.TestParkDatabase"/> puts <c>p-b</c>).</summary>
    public static TestUser DistrictHuadu { get; } = new("district-huadu", DashboardRoles.District) { District = "huadu" };

    /// <summary>The same person as <see cref="CityOfficial"/>.</summary>
    public static TestUser CityGuangzhou => CityOfficial;

    /// <summary>City official of Qingyuan, where the test parks are not.</summary>
    public static TestUser CityQingyuan { get; } = new("city-qingyuan", DashboardRoles.City) { City = "qingyuan" };

    public static IReadOnlyList<TestUser> Standard { get; } = [Admin, OperatorA, BureauA, SafetyA, OperatorDemo, BureauDemo, DistrictOfficial, OtherDistrictOfficial, DistrictHuadu, CityOfficial, CityQingyuan];

    /// <summary>Writes a users file for these users (hashed as production does) and returns its path.</summary>
    public static string WriteFile(string directory, IEnumerable<TestUser> users)
    {
        var path = Path.Combine(directory, "users.json");
        var file = new UsersFile
        {
            Users = users.Select(u => new DashboardUser { Name = u.Name, Role = u.Role, Parks = u.Parks, District = u.District, City = u.City, PasswordHash = UserStore.Hash(u.Password) }).ToList(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(file, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return path;
    }
}
