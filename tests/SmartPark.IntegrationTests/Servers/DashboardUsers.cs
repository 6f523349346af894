using System.Text.Json;
using SmartPark.Dashboard.Auth;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>A person the test Dashboard lets sign in; the password is the name plus "-pw".</summary>
public sealed record TestUser(string Name, string Role, params string[] Parks)
{
    public string Password => Name + "-pw";

    /// <summary>A district official's district (jurisdiction id).</summary>
    public string? District { get; init; }

    /// <summary>A city official's city.</summary>
    public string? City { get; init; }

    /// <summary>Sees every park.</summary>
    public static TestUser Admin { get; } = new("admin", DashboardRoles.Admin);

    /// <summary>Operator of parks <c>p-a</c> and <c>p-live</c> only.</summary>
    public static TestUser OperatorA { get; } = new("op-a", DashboardRoles.Operator, "p-a", "p-live");

    public static TestUser BureauA { get; } = new("bureau-a", DashboardRoles.Bureau, "p-a");

    /// <summary>Operator and bureau officer of the demo park (<c>baiyun-shimen</c>).</summary>
    public static TestUser OperatorDemo { get; } = new("op-demo", DashboardRoles.Operator, "baiyun-shimen");

    public static TestUser BureauDemo { get; } = new("bureau-demo", DashboardRoles.Bureau, "baiyun-shimen");

    /// <summary>District official of Baiyun (where <see cref="TestParkDatabase"/> puts <c>p-a</c> and <c>p-live</c>).</summary>
    public static TestUser DistrictBaiyun { get; } = new("district-baiyun", DashboardRoles.District) { District = "baiyun" };

    /// <summary>District official of Huadu (where <see cref="TestParkDatabase"/> puts <c>p-b</c>).</summary>
    public static TestUser DistrictHuadu { get; } = new("district-huadu", DashboardRoles.District) { District = "huadu" };

    /// <summary>City official of Guangzhou: every Guangzhou district's parks.</summary>
    public static TestUser CityGuangzhou { get; } = new("city-guangzhou", DashboardRoles.City) { City = "guangzhou" };

    /// <summary>City official of Qingyuan, where the test parks are not.</summary>
    public static TestUser CityQingyuan { get; } = new("city-qingyuan", DashboardRoles.City) { City = "qingyuan" };

    public static IReadOnlyList<TestUser> Standard { get; } = [Admin, OperatorA, BureauA, OperatorDemo, BureauDemo, DistrictBaiyun, DistrictHuadu, CityGuangzhou, CityQingyuan];

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
