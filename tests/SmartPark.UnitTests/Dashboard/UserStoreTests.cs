using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard;

public sealed class UserStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-users-").FullName;

    private UserStore Store(params DashboardUser[] users)
    {
        var path = Path.Combine(_dir, "users.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new UsersFile { Users = users }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return new UserStore(Options.Create(new DashboardOptions { UsersPath = path }), NullLogger<UserStore>.Instance);
    }

    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_or_unknown_user_does_not()
    {
        var store = Store(new DashboardUser { Name = "op", Role = DashboardRoles.Operator, Parks = ["p-a"], PasswordHash = UserStore.Hash("secret") });
        Assert.Equal("op", store.Verify("op", "secret")?.Name);
        Assert.Null(store.Verify("op", "Secret"));
        Assert.Null(store.Verify("nobody", "secret"));
        Assert.Null(store.Verify("op", ""));
    }

    [Fact]
    public void Hashes_are_salted_and_never_the_password()
    {
        var a = UserStore.Hash("secret");
        Assert.NotEqual(a, UserStore.Hash("secret"));
        Assert.DoesNotContain("secret", a, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_with_an_unknown_role_or_bad_park_id_is_skipped()
    {
        var store = Store(
            new DashboardUser { Name = "x", Role = "superuser", PasswordHash = UserStore.Hash("pw") },
            new DashboardUser { Name = "y", Role = DashboardRoles.Operator, Parks = ["Bad Park"], PasswordHash = UserStore.Hash("pw") },
            new DashboardUser { Name = "z", Role = DashboardRoles.Admin, PasswordHash = UserStore.Hash("pw") });
        Assert.Equal(["z"], store.Users().Keys);
    }

    [Fact]
    public void No_users_file_means_nobody_signs_in()
    {
        var store = new UserStore(Options.Create(new DashboardOptions()), NullLogger<UserStore>.Instance);
        Assert.Empty(store.Users());
        Assert.Null(store.Verify("admin", "admin"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
