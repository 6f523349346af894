using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Status;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Live;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Overview;

/// <summary>
/// Builds a park's tiles from what is known now: the registry in force (names, status, plan), the
/// live device state from MQTT, and the open alerts. Enterprises that report but are not in the
/// registry still get a tile, so nothing is hidden when the registry lags.
/// </summary>
public sealed class OverviewBuilder(LiveState live, AlertBook alerts, RegistryProvider registry)
{
    private static readonly string[] VocQuantities = ["nmhc", "tvoc"];
    private static readonly string[] FireQuantities = ["smoke", "flame"];

    public ParkOverview Build(string park)
    {
        var registered = registry.Current?.FindPark(park);
        var devices = live.Snapshot(park).Devices;
        var open = alerts.Open(a => a.Park == park);
        var ids = (registered?.Enterprises.Select(e => e.Id) ?? [])
            .Concat(devices.Select(d => d.Enterprise))
            .Concat(open.Select(a => a.Enterprise).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var tiles = ids.Select(id => Tile(park, id, registered?.Enterprises.FirstOrDefault(e => e.Id == id), devices, open)).ToList();
        return new ParkOverview(park, registered?.Name, registered?.NameEn, registered?.District, registered?.AreaHectares, registered?.LeadingIndustry, CountBySeverity(open), tiles);
    }

    public EnterpriseTile Tile(string park, string enterprise)
    {
        var registered = registry.Current?.FindEnterprise(park, enterprise);
        return Tile(park, enterprise, registered, live.Snapshot(park).Devices, alerts.Open(a => a.Park == park));
    }

    public IReadOnlyDictionary<string, int> CountBySeverity(string park) => CountBySeverity(alerts.Open(a => a.Park == park));

    private static Dictionary<string, int> CountBySeverity(IEnumerable<AlertDocument> open)
    {
        var counts = new Dictionary<string, int> { [AlertSeverities.Critical] = 0, [AlertSeverities.Warning] = 0, [AlertSeverities.Info] = 0 };
        foreach (var a in open)
            counts[a.Severity] = counts.GetValueOrDefault(a.Severity) + 1;
        return counts;
    }

    private static EnterpriseTile Tile(string park, string enterprise, RegistryEnterprise? registered, IReadOnlyList<DeviceView> parkDevices, IReadOnlyList<AlertDocument> parkAlerts)
    {
        var devices = parkDevices.Where(d => d.Enterprise == enterprise).ToList();
        var readings = devices.SelectMany(d => d.Readings).ToList();
        var alerts = parkAlerts.Where(a => a.Enterprise == enterprise).ToList();
        // Power: the enterprise's meters add up. VOC: the worst sensor is what matters.
        var power = readings.Where(r => r.Quantity == "power").Select(r => (double?)r.Value).Sum();
        var voc = readings.Where(r => VocQuantities.Contains(r.Quantity)).MaxBy(r => r.Value);
        var fire = readings.Any(r => FireQuantities.Contains(r.Quantity) && r.Value >= 1)
            || alerts.Any(a => a.Quantity is { } q && FireQuantities.Contains(q));
        // A registered device that has never reported (no retained status, no telemetry) is not
        // monitoring anything: it counts as offline, so a silent enterprise does not look normal.
        var neverSeen = registered?.Devices.Count(r => !devices.Any(d => d.Device == r.Id)) ?? 0;
        var states = devices.Select(d => d.State).Concat(Enumerable.Repeat(DeviceStatus.Offline, neverSeen));
        return new EnterpriseTile(
            park, enterprise, registered?.Name ?? enterprise, registered?.NameEn, registered?.Industry, registered?.Status,
            EnterpriseStatus.Derive(registered?.Status, states, alerts.Select(a => a.Severity)),
            readings.Any(r => r.Quantity == "power") ? power : null,
            voc?.Value, voc?.Quantity, fire,
            devices.Count(d => d.State == DeviceStatus.Online),
            devices.Count(d => d.State == DeviceStatus.Offline) + neverSeen,
            alerts.Count,
            devices.Max(d => d.LastSeen),
            registered?.Plan,
            DischargeFigures.Of(readings));
    }
}
