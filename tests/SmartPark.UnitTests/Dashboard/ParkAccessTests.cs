using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard;

public sealed class ParkAccessTests
{
    private static DashboardUser User(string role, params string[] parks) =>
        new() { Name = "u", Role = role, Parks = parks, PasswordHash = "x" };

    [Fact]
    public void An_operator_sees_only_their_parks_and_an_admin_sees_all()
    {
        var op = ParkAccess.ToPrincipal(User(DashboardRoles.Operator, "p-a"), "test");
        Assert.True(op.CanSee("p-a"));
        Assert.False(op.CanSee("p-b"));
        Assert.Equal(["p-a"], op.Parks()!);

        var admin = ParkAccess.ToPrincipal(User(DashboardRoles.Admin), "test");
        Assert.True(admin.CanSee("p-b"));
        Assert.Null(admin.Parks());

        var bureau = ParkAccess.ToPrincipal(User(DashboardRoles.Bureau, "p-a", "p-c"), "test");
        Assert.True(bureau.CanSee("p-c"));
        Assert.False(bureau.CanSee("p-b"));
    }

    [Fact]
    public void Nobody_unauthenticated_sees_a_park() =>
        Assert.False(new System.Security.Claims.ClaimsPrincipal().CanSee("p-a"));

    [Theory]
    [InlineData("/parks/p-a", "/parks/p-a")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void Sign_in_returns_only_to_local_paths(string? returnUrl, string expected) =>
        Assert.Equal(expected, AuthEndpoints.SafeReturnUrl(returnUrl));
}
