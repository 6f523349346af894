using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;
using SmartPark.Ingest.Alerts.Rules.Safety;

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
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "GB 4716-2005 / EN 54-5 class A1: static response between 54 and 65 °C",
        },
        new()
        {
            Id = "heat-rate-of-rise", Title = "Heat detector, rate of rise",
            Quantity = "temperature", Settings = new RateKind { RatePerMinute = 4, Window = TimeSpan.FromMinutes(2) }, Sensors = "heat*",
            Safety = true, Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB 4716-2005 / EN 54-5 suffix R: alarm on a fast rise before the static temperature; 4 °C/min as in Panasonic EBL128's A1 algorithm",
        },
        new()
        {
            Id = "smoke", Title = "Smoke detector alarm", Quantity = "smoke", Settings = new DetectorKind(),
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "GB 4715-2005 point smoke detectors: the detector's own alarm state is used, not a computed threshold",
        },
        new()
        {
            Id = "flame", Title = "Flame detector alarm", Quantity = "flame", Settings = new DetectorKind(),
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromSeconds(30),
            Source = "The detector's own alarm state (1 = flame seen)",
        },
        new()
        {
            Id = "fire-confirmed", Title = "Confirmed fire: smoke and heat together",
            Settings = new CombinationKind { Requires = ["smoke", "heat-static|heat-rate-of-rise"], Window = TimeSpan.FromMinutes(2) },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
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
        // Flue gas (CEMS). Judged on the converted concentration Ingest derives (dry, at the reference
        // oxygen the sensor's registry entry names: 3.5 % for gas and oil boilers), so a CEMS without
        // `emission: { referenceO2: … }` in the registry is not judged by them. Defaults are the
        // gas-fired boiler limits; a discharge permit's limit replaces them at its enterprise.
        new()
        {
            Id = "nox-1h", FollowsPermit = true, Title = "Flue gas NOx, 1-hour mean (converted)",
            Quantity = "nox_converted", Settings = new WindowKind { Limit = 200, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            // ⚠️ verify: GB 13271 Table 2's figures were not read in a source; DB44/765 Table 3 was (Guangzhou and Zhanjiang notices).
            Source = "GB 13271-2014 Table 2 (new boilers), gas-fired: NOx ≤ 200 mg/m³ at 3.5 % O₂ (Table 3 special limit 150); Guangdong DB44/765-2019 Table 3 special limit for gas-fired boilers: 50 mg/m³ at 3.5 % O₂",
        },
        new()
        {
            Id = "so2-1h", FollowsPermit = true, Title = "Flue gas SO2, 1-hour mean (converted)",
            Quantity = "so2_converted", Settings = new WindowKind { Limit = 50, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            // ⚠️ verify: GB 13271 Table 2's figure not read in a source.
            Source = "GB 13271-2014 Table 2 (new boilers), gas-fired: SO₂ ≤ 50 mg/m³ at 3.5 % O₂; Guangdong DB44/765-2019 Table 3 special limit: 35 mg/m³",
        },
        new()
        {
            Id = "particulate-1h", FollowsPermit = true, Title = "Flue gas particulate, 1-hour mean (converted)",
            Quantity = "particulate_converted", Settings = new WindowKind { Limit = 20, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            // ⚠️ verify: GB 13271 Table 2's figure not read in a source (its Table 1, existing gas boilers: 30, was).
            Source = "GB 13271-2014 Table 2 (new boilers), gas-fired: particulate ≤ 20 mg/m³ at 3.5 % O₂ (Table 1, existing boilers: 30); Guangdong DB44/765-2019 Table 3 special limit: 10 mg/m³",
        },
        // VOC species at the stack: the standards judge an hour's average (GB 16297 and DB44/2367 §8).
        new()
        {
            Id = "benzene-stack-1h", FollowsPermit = true, Title = "Stack benzene, 1-hour mean",
            Quantity = "benzene", Settings = new WindowKind { Limit = 2, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "DB44/2367-2022 Table 1: benzene at the stack ≤ 2 mg/m³ (stricter and newer than DB44/27-2001 period 2 and GB 16297-1996 Table 2: 12)",
        },
        new()
        {
            Id = "toluene-stack-1h", FollowsPermit = true, Title = "Stack toluene, 1-hour mean",
            Quantity = "toluene", Settings = new WindowKind { Limit = 40, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "DB44/27-2001 period 2 (and GB 16297-1996 Table 2): toluene at the stack ≤ 40 mg/m³; DB44/2367-2022 Table 1 caps the benzene series together at 40",
        },
        new()
        {
            Id = "xylene-stack-1h", FollowsPermit = true, Title = "Stack xylene, 1-hour mean",
            Quantity = "xylene", Settings = new WindowKind { Limit = 70, Window = TimeSpan.FromHours(1), MinCount = 3 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(5),
            Source = "DB44/27-2001 period 2 (and GB 16297-1996 Table 2): xylene at the stack ≤ 70 mg/m³; DB44/2367-2022 Table 1 caps the benzene series together at 40",
        },
        // Wastewater at the outfall. Online analysers give a value every one or two hours; the rule
        // judges the mean of the last two hours (one reading is enough).
        new()
        {
            Id = "cod-2h", FollowsPermit = true, Title = "Wastewater COD, 2-hour mean",
            Quantity = "cod", Settings = new WindowKind { Limit = 90, Window = TimeSpan.FromHours(2), MinCount = 1 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            // ⚠️ verify: DB44/26's second-period figure was not read in a source.
            Source = "Guangdong DB44/26-2001 second period, grade 1 (other dischargers): COD ≤ 90 mg/L (GB 8978-1996 Table 4 grade 1: 100)",
        },
        new()
        {
            Id = "ammonia-nitrogen-2h", FollowsPermit = true, Title = "Wastewater ammonia nitrogen, 2-hour mean",
            Quantity = "ammonia_nitrogen", Settings = new WindowKind { Limit = 10, Window = TimeSpan.FromHours(2), MinCount = 1 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            // ⚠️ verify: DB44/26's figure was not read in a source; GB 8978's 15 was.
            Source = "Guangdong DB44/26-2001 second period, grade 1: NH₃-N ≤ 10 mg/L (GB 8978-1996 Table 4 grade 1, other dischargers: 15)",
        },
        new()
        {
            Id = "total-phosphorus-2h", FollowsPermit = true, Title = "Wastewater total phosphorus, 2-hour mean",
            Quantity = "total_phosphorus", Settings = new WindowKind { Limit = 0.5, Window = TimeSpan.FromHours(2), MinCount = 1 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            Source = "GB 8978-1996 Table 4 grade 1 (and DB44/26-2001 second period grade 1): phosphate (as P) ≤ 0.5 mg/L, applied to the analyser's total phosphorus",
        },
        new()
        {
            // Neither GB 8978 nor DB44/26 limits total nitrogen: off by default, and on wherever a
            // discharge permit sets a limit (the permit's version is enabled).
            Id = "total-nitrogen-2h", FollowsPermit = true, Title = "Wastewater total nitrogen, 2-hour mean", Enabled = false,
            Quantity = "total_nitrogen", Settings = new WindowKind { Limit = 15, Window = TimeSpan.FromHours(2), MinCount = 1 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            // ⚠️ verify: GB 18918's figure was not read in a source.
            Source = "No limit in GB 8978-1996 or DB44/26-2001 (off unless a permit sets one); the figure is GB 18918-2002 Table 1 grade 1 A (town sewage plants): 15 mg/L",
        },
        new()
        {
            Id = "ph-range", Title = "Wastewater pH outside 6–9",
            Quantity = "ph", Settings = new ThresholdKind { Below = 6, Limit = 9 },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            Source = "GB 8978-1996 Table 4 and DB44/26-2001: pH 6–9 for every discharger, every grade",
        },
        new()
        {
            Id = "night-discharge", Title = "Suspected illegal discharge: shut-down enterprise discharging at night",
            Quantity = "wastewater_flow",
            Settings = new RegistryKind { NoiseFloor = 0.1, For = TimeSpan.FromMinutes(10), RequiredStatus = "shut_down", LocalFrom = TimeSpan.FromHours(22), LocalUntil = TimeSpan.FromHours(6) },
            Severity = AlertSeverities.Warning, Bureau = true, HoldOff = TimeSpan.FromMinutes(10),
            Source = "Village-level park renovation (关停淘汰): an enterprise the registry marks shut_down letting out wastewater (more than 0.1 L/s for 10 minutes) between 22:00 and 06:00 China time; the floor is ours, above a flow meter's zero drift",
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
        // Safety (issue 19): electrical fire, combustible and toxic gas, fire water; each list in Rules/Safety.
        .. ElectricalFireRules.All,
        .. GasRules.All,
        .. FireWaterRules.All,
    ];
}
