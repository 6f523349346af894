using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Status;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Live;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Monitoring;

/// <summary>
/// A park's <see cref="MonitoringStatus"/> from what this Dashboard already holds in memory (the
/// live device state, the open alerts, the rules Ingest published) and the park database's
/// enterprises and devices. No query of its own beyond the quarter's exceedances, which the caller
/// fetches once for many parks (<see cref="QuarterExceedances"/>).
/// </summary>
public sealed class ParkMonitor(LiveState live, AlertBook alerts, ParkRuleSets rules)
{
    /// <summary>The default rule <c>shut-down-drawing-power</c> (Ingest's DefaultRules): above 2 kW a shut-down enterprise is drawing power.</summary>
    public const string ShutDownRuleId = "shut-down-drawing-power";
    public const double DefaultNoiseFloorKw = 2.0;

    /// <summary>The registered enterprises and devices of one park, from the park database.</summary>
    public sealed record ParkInventory(IReadOnlyList<Enterprise> Enterprises, IReadOnlyList<string> DeviceIds);

    public MonitoringStatus Status(string park, ParkInventory inventory, int? exceedancesThisQuarter, DateTimeOffset quarterStart)
    {
        var open = alerts.Open(a => a.Park == park);
        var bySeverity = new Dictionary<string, int> { [AlertSeverities.Critical] = 0, [AlertSeverities.Warning] = 0, [AlertSeverities.Info] = 0 };
        foreach (var alert in open)
            bySeverity[alert.Severity] = bySeverity.GetValueOrDefault(alert.Severity) + 1;

        var devices = live.Snapshot(park).Devices;
        // Registered devices that never reported count as not online, as the overview's tiles count them.
        var known = inventory.DeviceIds.Concat(devices.Select(d => d.Device)).Distinct(StringComparer.Ordinal).Count();
        var online = devices.Count(d => d.State == DeviceStatus.Online);

        var floor = NoiseFloor(park);
        var powered = new List<PoweredShutDownEnterprise>();
        foreach (var enterprise in inventory.Enterprises.Where(e => e.Status == RenovationStatus.ShutDown))
        {
            var meters = devices.Where(d => d.Enterprise == enterprise.Id).SelectMany(d => d.Readings).Where(r => r.Quantity == "power").ToList();
            if (meters.Count > 0 && meters.Sum(r => r.Value) is var kw && kw > floor)
                powered.Add(new PoweredShutDownEnterprise(enterprise.Id, enterprise.NameZh, enterprise.NameEn, kw, floor));
        }
        return new MonitoringStatus(park, bySeverity, online, known, powered, exceedancesThisQuarter, quarterStart);
    }

    /// <summary>The noise floor in force in the park (its published shut-down rule), else the default rule's.</summary>
    private double NoiseFloor(string park) =>
        rules.Of(park)?.Rules.FirstOrDefault(r => r.RuleId == ShutDownRuleId && r.Enterprise is null && r.Limit is not null)?.Limit ?? DefaultNoiseFloorKw;
}
