using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Live;
using SmartPark.Dashboard.Supervision.Monitoring;
using SmartPark.ParkData.Entities;

namespace SmartPark.UnitTests.Dashboard.Supervision;

/// <summary>A park's monitoring status from what the Dashboard holds: alerts, devices, shut-down enterprises drawing power.</summary>
public sealed class ParkMonitorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static void Power(LiveState live, string enterprise, string device, double kw) =>
        live.ApplyReadings(new DeviceAddress("p", enterprise, device),
            new ReadingsUpdate("p", enterprise, device, 1, Now, [new ReadingView("meter-1", "power", kw, "kW", Now, "N")]));

    private static Enterprise Enterprise(string id, string status) => new() { ParkId = "p", Id = id, NameZh = id, Industry = "x", Status = status };

    [Fact]
    public void Shut_down_enterprises_above_the_noise_floor_are_named_and_devices_and_alerts_counted()
    {
        var live = new LiveState();
        Power(live, "closed-busy", "m1", 15.5);
        Power(live, "closed-idle", "m2", 1.2);
        Power(live, "open", "m3", 80);
        live.ApplyStatus(new DeviceAddress("p", "open", "m4"), new DeviceStatus { State = DeviceStatus.Offline, At = Now }, Now);
        var alerts = new AlertBook();
        alerts.Apply("p", "a1", AlertSamples.Document("a1") with { Park = "p", Severity = AlertSeverities.Critical });
        alerts.Apply("q", "a2", AlertSamples.Document("a2") with { Park = "q" });
        var monitor = new ParkMonitor(live, alerts, new ParkRuleSets());

        var status = monitor.Status("p", new ParkMonitor.ParkInventory(
            [Enterprise("closed-busy", RenovationStatus.ShutDown), Enterprise("closed-idle", RenovationStatus.ShutDown), Enterprise("open", RenovationStatus.Operating)],
            ["m1", "m2", "m3", "m4", "never-seen"]), 3, Now);

        var powered = Assert.Single(status.ShutDownDrawingPower);
        Assert.Equal(("closed-busy", 15.5, ParkMonitor.DefaultNoiseFloorKw), (powered.Enterprise, powered.PowerKw, powered.NoiseFloorKw));
        Assert.Equal((3, 5), (status.DevicesOnline, status.DevicesTotal));
        Assert.Equal(1, status.OpenAlerts[AlertSeverities.Critical]);
        Assert.Equal(0, status.OpenAlerts[AlertSeverities.Warning]);
        Assert.Equal(3, status.ExceedancesThisQuarter);
        Assert.True(status.NeedsAttention);
    }

    [Fact]
    public void The_exceedance_query_asks_for_emission_alerts_raised_since_the_quarter_began_in_the_parks_given()
    {
        var query = QuarterExceedances.Query(["p-a", "p-b"], new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Contains("time >= '2026-03-31T16:00:00", query, StringComparison.Ordinal);
        Assert.Contains("state = 'active' AND bureau = true", query, StringComparison.Ordinal);
        Assert.Contains("quantity = 'nmhc'", query, StringComparison.Ordinal);
        Assert.DoesNotContain("quantity = 'power'", query, StringComparison.Ordinal);
        // Flue gas judged at reference oxygen and wastewater pollutants are exceedances too; the
        // process conditions (a night-time discharge flow) are not.
        Assert.Contains("quantity = 'nox_converted'", query, StringComparison.Ordinal);
        Assert.Contains("quantity = 'cod'", query, StringComparison.Ordinal);
        Assert.Contains("quantity = 'ph'", query, StringComparison.Ordinal);
        Assert.DoesNotContain("quantity = 'wastewater_flow'", query, StringComparison.Ordinal);
        Assert.Contains("(park = 'p-a' OR park = 'p-b') GROUP BY park", query, StringComparison.Ordinal);
    }
}
