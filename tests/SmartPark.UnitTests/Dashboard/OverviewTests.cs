using SmartPark.Contracts.Registry;
using SmartPark.Dashboard.Overview;

namespace SmartPark.UnitTests.Dashboard;

public sealed class OverviewTests
{
    [Theory]
    [InlineData("operating", "online", "", "normal")]
    [InlineData("operating", "online", "warning", "warning")]
    [InlineData("operating", "online", "warning,critical", "alarm")]
    [InlineData("operating", "online", "info", "normal")]
    [InlineData("operating", "offline,offline", "", "offline")]
    [InlineData("operating", "offline,online", "", "normal")]
    [InlineData("operating", "", "", "normal")]
    [InlineData("shut_down", "offline", "", "shut_down")]
    [InlineData("shut_down", "online", "critical", "alarm")]
    [InlineData(null, "offline", "", "offline")]
    public void Status_comes_from_open_alerts_then_registry_then_devices(string? registry, string devices, string severities, string expected) =>
        Assert.Equal(expected, EnterpriseStatus.Derive(registry, Split(devices), Split(severities)));

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_burst_of_changes_to_one_tile_drains_as_one_update()
    {
        var dirty = new DirtyTiles();
        for (var i = 0; i < 1000; i++)
            dirty.Mark("p", "e1");
        dirty.Mark("p", "e2");
        dirty.Mark("q", "e1");
        var drained = dirty.Drain();
        Assert.Equal(["e1", "e2"], drained["p"]);
        Assert.Equal(["e1"], drained["q"]);
        Assert.Empty(dirty.Drain());
    }

    [Fact]
    public void Every_status_has_a_known_name() =>
        Assert.Equal(["normal", "warning", "alarm", "offline", RenovationStatus.ShutDown], EnterpriseStatus.All);
}
