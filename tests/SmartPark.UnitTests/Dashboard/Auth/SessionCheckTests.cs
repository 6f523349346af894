using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class SessionCheckTests
{
    private static readonly DashboardUser Op = new() { Name = "op", DisplayName = "Op", Role = DashboardRoles.Operator, Parks = ["p-a", "p-b"], PasswordHash = UserStore.Hash("secret") };

    private static Dictionary<string, DashboardUser> Users(params DashboardUser[] users) => users.ToDictionary(u => u.Name);

    [Fact]
    public void A_session_matching_the_file_is_current()
    {
        var principal = SessionCheck.PrincipalOf(Op, "test");
        Assert.True(SessionCheck.Check(principal, Users(Op)).IsCurrent);
    }

    [Fact]
    public void A_removed_user_or_changed_password_ends_the_session()
    {
        var principal = SessionCheck.PrincipalOf(Op, "test");
        Assert.Equal("removed", SessionCheck.Check(principal, Users()).EndReason);
        Assert.Equal("password_changed", SessionCheck.Check(principal, Users(Op with { PasswordHash = UserStore.Hash("secret") })).EndReason);
    }

    [Fact]
    public void A_session_from_before_stamps_existed_is_ended()
    {
        var old = ParkAccess.ToPrincipal(Op, "test");
        Assert.Equal("password_changed", SessionCheck.Check(old, Users(Op)).EndReason);
    }

    [Fact]
    public void A_changed_park_role_or_display_name_gives_the_user_as_the_file_has_them_now()
    {
        var principal = SessionCheck.PrincipalOf(Op, "test");
        foreach (var now in new[] { Op with { Parks = ["p-a"] }, Op with { Role = DashboardRoles.Bureau }, Op with { DisplayName = "Other" } })
        {
            var verdict = SessionCheck.Check(principal, Users(now));
            Assert.Null(verdict.EndReason);
            Assert.Same(now, verdict.Now);
        }
        var refreshed = SessionCheck.PrincipalOf(Op with { Parks = ["p-a"] }, "test");
        Assert.False(refreshed.CanSee("p-b"));
    }

    [Fact]
    public void The_stamp_changes_with_the_hash_and_does_not_contain_it()
    {
        var stamp = SessionCheck.Stamp(Op);
        Assert.NotEqual(stamp, SessionCheck.Stamp(Op with { PasswordHash = UserStore.Hash("secret") }));
        Assert.DoesNotContain(stamp, Op.PasswordHash, StringComparison.Ordinal);
    }
}
