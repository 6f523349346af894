using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules.Safety;

/// <summary>
/// Electrical fire (电气火灾监控): residual current, cable and terminal temperature and arc faults from electrical-fire
/// detectors (GB 14287 parts 2–4, GB 50116-2013 ch. 9), and overload, over- and under-voltage and a lost phase from
/// the meters already installed, each phase one sensor judged against its circuit's registry rating
/// (<c>ratedCurrent</c>, <c>nominalVoltage</c>). All safety alarms; none cuts power (GB 50116-2013 §9.1.6).
/// </summary>
public static class ElectricalFireRules
{
    public static IReadOnlyList<AlertRule> All { get; } =
    [
        new()
        {
            Id = "residual-current", Title = "Residual current above the alarm setting",
            Quantity = "residual_current", Settings = new ThresholdKind { Limit = 300, ClearAt = 250 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB 50116-2013 §9.2.3 (and its explanation): a residual-current detector's alarm is set between 300 mA and 500 mA "
                + "(a circuit's natural leakage is 100–200 mA; about 300 mA can start a fire); default 300 mA, clears at 250 mA",
        },
        new()
        {
            Id = "cable-temperature", Title = "Cable or terminal overheating",
            Quantity = "cable_temperature", Settings = new ThresholdKind { Limit = 70, ClearAt = 60 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: neither GB 14287.3's setting range nor the 70 °C conductor limit was read in a source.
            Source = "GB 14287.3 temperature-type electrical-fire detectors (the alarm setting is the installer's, within the detector's range); "
                + "70 °C is the maximum conductor operating temperature of PVC-insulated cable (GB/T 5023 / IEC 60227), the commonest in old workshops; clears at 60 °C",
        },
        new()
        {
            Id = "arc-fault", Title = "Fault arc detected", Quantity = "arc_fault", Settings = new DetectorKind(),
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB 14287.4 arc-fault detectors: the detector's own judgement of a fault arc is used (1 = fault arc), not a computed threshold",
        },
        new()
        {
            Id = "overload", Title = "Circuit overloaded (current above its rated current)",
            Quantity = "current", Settings = new RatedKind { Rating = CircuitRatings.RatedCurrent, Above = 1.0, ClearAt = 0.9, For = TimeSpan.FromMinutes(5) },
            Safety = true, Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(5),
            // ⚠️ verify: GB 50054-2011's clause number was not read in a source.
            Source = "GB 50054-2011 overload protection (load current not above the protective device's rated current In): a circuit's current above "
                + "the registry's ratedCurrent for 5 minutes; clears at 90 %. The 5 minutes (a motor's start is not an overload) are SmartPark's default",
        },
        new()
        {
            Id = "overvoltage", Title = "Overvoltage (above the supply standard's deviation)",
            Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage, Above = 1.07, ClearAt = 1.05, For = TimeSpan.FromMinutes(1) },
            Safety = true, Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: GB/T 12325-2008's figures were not read in a source.
            Source = "GB/T 12325-2008 (supply voltage deviation): three-phase supply at 20 kV and below within ±7 % of nominal, 220 V single-phase within +7 %/−10 %; "
                + "above 107 % of the registry's nominalVoltage for a minute; clears at 105 %",
        },
        new()
        {
            Id = "undervoltage", Title = "Undervoltage (below the supply standard's deviation)",
            Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage, Below = 0.90, ClearAt = 0.93, For = TimeSpan.FromMinutes(1) },
            Safety = true, Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: GB/T 12325-2008's figures were not read in a source.
            Source = "GB/T 12325-2008 (supply voltage deviation): 220 V single-phase supply no lower than −10 % of nominal; below 90 % of the registry's "
                + "nominalVoltage for a minute (motors then draw more current and heat); clears at 93 %",
        },
        new()
        {
            Id = "phase-loss", Title = "Phase lost (voltage of a phase under half its nominal)",
            Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage, Below = 0.5, ClearAt = 0.8 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            Source = "A phase at less than half its nominal voltage is lost (blown fuse, broken conductor): three-phase motors left on two phases overheat. "
                + "No standard sets the figure; 50 % (clears at 80 %) is SmartPark's operating default. A phase is one meter sensor with its nominalVoltage",
        },
    ];
}
