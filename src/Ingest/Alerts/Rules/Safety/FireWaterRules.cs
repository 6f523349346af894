using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules.Safety;

/// <summary>
/// Fire water (GB 50974-2014): sprinkler and hydrant mains must hold their standby pressure and fire-water tanks and
/// pools their water, day and night; both rules judge every reading at any hour (a main drained at night, with nobody
/// on site, is exactly what they are for). The sites differ, so a park overrides the figures per device.
/// </summary>
public static class FireWaterRules
{
    public static IReadOnlyList<AlertRule> All { get; } =
    [
        new()
        {
            Id = "fire-water-pressure-low", Title = "Fire-water main pressure lost",
            Quantity = "fire_water_pressure", Settings = new ThresholdKind { Below = 0.15, ClearAbove = 0.2 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: GB 50974-2014 §5.3.3's figure was not read in a source.
            Source = "GB 50974-2014 §5.3.3: the pressure-holding (jockey) pump keeps the static pressure at the system's least favourable point above 0.15 MPa; "
                + "below 0.15 MPa the main has lost its standby pressure; clears at 0.20 MPa. Override per device where the sensor is not at that point",
        },
        new()
        {
            Id = "fire-water-level-low", Title = "Fire-water tank or pool low",
            Quantity = "fire_water_level", Settings = new ThresholdKind { Below = 0.5, ClearAbove = 0.6 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(5),
            // ⚠️ verify: GB 50974-2014 §4.3.9 (a fire-water pool's level shown in the control room, with high and low alarm levels) was not read in a source.
            Source = "GB 50974-2014 §4.3.9: a fire-water pool's level is shown in the fire control room with its highest and lowest alarm levels; "
                + "the lowest level is the site's, 0.5 m (clears at 0.6 m) is SmartPark's default: override it per device with the tank's lowest effective level",
        },
    ];
}
