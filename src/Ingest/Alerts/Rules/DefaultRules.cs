using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// The rule set every park starts with, each rule citing its source (see
/// docs/reference/standards.md §2–3). In-plant VOC rules watch every NMHC sensor except those
/// whose id starts with <c>boundary</c>; the boundary rule watches only those.
/// </summary>
public static class DefaultRules
{
    public const string Guangdong = "guangdong";
    public const string National = "national";
    private const string Boundary = "boundary*";

    public static IReadOnlyList<AlertRule> All { get; } =
    [
        new()
        {
            Id = "nmhc-inplant-1h-gd", Title = "In-plant NMHC, 1-hour mean (Guangdong)", Region = Guangdong,
            Quantity = "nmhc", Settings = new WindowKind { Limit = 6, Window = TimeSpan.FromHours(1), MinCount = 3 }, ExceptSensors = Boundary,
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "DB44/2367-2022 Table 3 and §8: in-plant fugitive NMHC, 1-hour average ≤ 6 mg/m³ (province-wide)",
        },
        new()
        {
            Id = "nmhc-inplant-instant-gd", Title = "In-plant NMHC, single reading (Guangdong)", Region = Guangdong,
            Quantity = "nmhc", Settings = new ThresholdKind { Limit = 20 }, ExceptSensors = Boundary,
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "DB44/2367-2022 Table 3 and §8: in-plant fugitive NMHC, any single reading ≤ 20 mg/m³ (province-wide)",
        },
        new()
        {
            Id = "nmhc-inplant-1h", Title = "In-plant NMHC, 1-hour mean", Region = National,
            Quantity = "nmhc", Settings = new WindowKind { Limit = 10, Window = TimeSpan.FromHours(1), MinCount = 3 }, ExceptSensors = Boundary,
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "GB 37822-2019 Annex A Table A.1: in-plant NMHC, 1-hour average ≤ 10 mg/m³ (special limit 6 in key regions)",
        },
        new()
        {
            Id = "nmhc-inplant-instant", Title = "In-plant NMHC, single reading", Region = National,
            Quantity = "nmhc", Settings = new ThresholdKind { Limit = 30 }, ExceptSensors = Boundary,
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "GB 37822-2019 Annex A Table A.1: in-plant NMHC, any single reading ≤ 30 mg/m³ (special limit 20 in key regions)",
        },
        new()
        {
            Id = "nmhc-boundary-1h", Title = "Boundary NMHC, 1-hour mean",
            Quantity = "nmhc", Settings = new WindowKind { Limit = 4.0, Window = TimeSpan.FromHours(1), MinCount = 3 }, Sensors = Boundary,
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "GB 16297-1996 Table 2 (and DB44/27-2001 period 2): NMHC at the boundary, 1-hour average ≤ 4.0 mg/m³",
        },
        new()
        {
            Id = "heat-static", Title = "Heat detector, static threshold (class A1)",
            Quantity = "temperature", Settings = new ThresholdKind { Limit = 58, ClearAt = 50 }, Sensors = "heat*",
            Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "GB 4716-2005 / EN 54-5 class A1: static response between 54 and 65 °C",
        },
        new()
        {
            Id = "heat-rate-of-rise", Title = "Heat detector, rate of rise",
            Quantity = "temperature", Settings = new RateKind { RatePerMinute = 4, Window = TimeSpan.FromMinutes(2) }, Sensors = "heat*",
            Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB 4716-2005 / EN 54-5 suffix R: alarm on a fast rise before the static temperature; 4 °C/min as in Panasonic EBL128's A1 algorithm",
        },
        new()
        {
            Id = "smoke", Title = "Smoke detector alarm", Quantity = "smoke", Settings = new DetectorKind(),
            Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "GB 4715-2005 point smoke detectors: the detector's own alarm state is used, not a computed threshold",
        },
        new()
        {
            Id = "flame", Title = "Flame detector alarm", Quantity = "flame", Settings = new DetectorKind(),
            Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "The detector's own alarm state (1 = flame seen)",
        },
        new()
        {
            Id = "fire-confirmed", Title = "Confirmed fire: smoke and heat together",
            Settings = new CombinationKind { Requires = ["smoke", "heat-static|heat-rate-of-rise"], Window = TimeSpan.FromMinutes(2) },
            Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            Source = "Two independent detectors agreeing (smoke and heat at one enterprise within 2 minutes): a confirmed fire, forwarded within 10 s (GB 25506)",
        },
        new()
        {
            Id = "device-offline", Title = "Device offline", Settings = new AbsenceKind { Intervals = 3, MinSilence = TimeSpan.FromSeconds(60) },
            Severity = AlertSeverities.Warning, HoldOff = TimeSpan.Zero, CloseAfter = TimeSpan.Zero, RequiresAck = false,
            Source = "No data for 3 of the device's reporting intervals",
        },
        new()
        {
            Id = "nmhc-stuck", Title = "VOC sensor stuck", Quantity = "nmhc", Settings = new FlatlineKind { FlatFor = TimeSpan.FromMinutes(30) },
            Severity = AlertSeverities.Info, HoldOff = TimeSpan.Zero, CloseAfter = TimeSpan.Zero, RequiresAck = false,
            Source = "A VOC analyser's reading always carries noise; 30 minutes without any change means a stuck sensor or a frozen data logger",
        },
        new()
        {
            Id = "temperature-stuck", Title = "Temperature sensor stuck", Quantity = "temperature", Settings = new FlatlineKind { FlatFor = TimeSpan.FromHours(1) },
            Severity = AlertSeverities.Info, HoldOff = TimeSpan.Zero, CloseAfter = TimeSpan.Zero, RequiresAck = false,
            Source = "Ambient temperature always drifts; an hour without change means a stuck sensor",
        },
        new()
        {
            Id = "shut-down-drawing-power", Title = "Suspected illegal operation: shut-down enterprise drawing power",
            Quantity = "power", Settings = new RegistryKind { NoiseFloor = 2.0, For = TimeSpan.FromMinutes(10), RequiredStatus = "shut_down" },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            Source = "Village-level park renovation (关停淘汰): an enterprise the registry marks shut_down drawing more than 2 kW for 10 minutes",
        },
        new()
        {
            Id = "discharge-permit-expiry", Title = "Discharge permit expiring or expired", Settings = new PermitExpiryKind { Lead = TimeSpan.FromDays(30) },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.Zero,
            Source = "排污许可管理条例 (2021) 第十四条: renewal is applied for 60 days before the permit expires; raised 30 days before expiry (Lead) as a last reminder, and while expired",
        },
        // Treatment equipment that must run (分表计电). The floor and idle load are operating judgements, not
        // figures of a standard: 5 kW tells a running line from lighting and standby; a treatment unit's fans and
        // pumps draw more than 1 kW when on (a meter's own registry idleLoad replaces it).
        new()
        {
            Id = "treatment-not-running", Title = "Pollution-treatment equipment off while production runs",
            Settings = new TreatmentOffKind { ProductionFloor = 5, IdleLoad = 1, For = TimeSpan.FromMinutes(15) },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            Source = "HJ 212-2025 adds electricity monitoring of pollution-treatment equipment (用电监控) to what is transmitted; "
                + "Guangdong's sub-metering of treatment equipment (分表计电) meters production and treatment separately so that treatment "
                + "switched off during production shows. Floor 5 kW, idle 1 kW and 15 minutes are SmartPark's operating defaults, not figures of either",
        },
        new()
        {
            Id = "treatment-without-production", Title = "Treatment equipment running without metered production (possible unmetered line)",
            Settings = new TreatmentIdleProductionKind { ProductionFloor = 5, IdleLoad = 1, For = TimeSpan.FromDays(2) },
            Severity = AlertSeverities.Info, Bureau = true, HoldOff = TimeSpan.FromHours(1),
            Source = "Guangdong's sub-metering of treatment equipment (分表计电) and HJ 212-2025's electricity monitoring of pollution-treatment "
                + "equipment: treatment running for 2 days while the metered production stays idle hints at production on a line without "
                + "a production meter. 2 days, floor 5 kW and idle 1 kW are SmartPark's operating defaults, not figures of either",
        },
    ];
}
