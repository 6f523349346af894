using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

/// <summary>An unknown name costs the same hashing as a known one: counted, not timed.</summary>
public sealed class UnknownUserWorkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-users-").FullName;

    /// <summary>The real hasher, counting the verifications it does and which hash parameters they ran on.</summary>
    private sealed class CountingHasher : IPasswordHasher<DashboardUser>
    {
        private readonly PasswordHasher<DashboardUser> _real = new();
        public List<string> Verified { get; } = [];

        public string HashPassword(DashboardUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
        {
            Verified.Add(UserStore.HashParameters(hashedPassword));
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private (UserStore Store, CountingHasher Hasher) Store(params DashboardUser[] users)
    {
        var path = Path.Combine(_dir, "users.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new UsersFile { Users = users }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var hasher = new CountingHasher();
        return (new UserStore(Options.Create(new DashboardOptions { UsersPath = path }), NullLogger<UserStore>.Instance, hasher), hasher);
    }

    [Fact]
    public void An_unknown_name_is_verified_against_a_hash_of_the_same_format_and_cost_as_a_known_one()
    {
        var (store, hasher) = Store(new DashboardUser { Name = "op", Role = DashboardRoles.Operator, Parks = ["p-a"], PasswordHash = UserStore.Hash("secret") });

        Assert.Null(store.Verify("op", "wrong"));
        Assert.Null(store.Verify("nobody", "wrong"));
        Assert.Null(store.Verify("nobody", "secret"));

        Assert.Equal(3, hasher.Verified.Count);
        Assert.Single(hasher.Verified.Distinct());
        // Format 3 (0x01), HMAC-SHA512 (2), 100,000 iterations (0x186A0), 16-byte salt.
        Assert.Equal("01" + "00000002" + "000186A0" + "00000010", hasher.Verified[0]);
    }

    [Fact]
    public void The_users_file_is_reloaded_when_it_changes()
    {
        var (store, _) = Store(new DashboardUser { Name = "op", Role = DashboardRoles.Operator, Parks = ["p-a"], PasswordHash = UserStore.Hash("secret") });
        Assert.Equal(["op"], store.Users().Keys);
        File.WriteAllText(Path.Combine(_dir, "users.json"), JsonSerializer.Serialize(new UsersFile
        {
            Users = [new DashboardUser { Name = "admin", Role = DashboardRoles.Admin, PasswordHash = UserStore.Hash("x") }],
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        Assert.Equal(["admin"], store.Users().Keys);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
