using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules.Safety;

/// <summary>
/// Combustible and toxic gas (GB/T 50493-2019, applied to industrial workplaces): combustible gas at two levels, two
/// rules; each toxic gas at its first level, 100 % of its occupational exposure limit (GBZ 2.1-2019, the MAC where it
/// has one, else the PC-TWA), converted from mg/m³ to the detectors' ppm at 20 °C and 101.325 kPa (24.04 L/mol).
/// </summary>
public static class GasRules
{
    private const string ToxicLevels = "GB/T 50493-2019: a toxic gas's first-level alarm at most 100 % of its occupational exposure limit (second level at most 200 %)";

    public static IReadOnlyList<AlertRule> All { get; } =
    [
        new()
        {
            Id = "gas-lel-low", Title = "Combustible gas, first level (25 %LEL)",
            Quantity = "gas_lel", Settings = new ThresholdKind { Limit = 25, ClearAt = 20 },
            Safety = true, Severity = AlertSeverities.Warning, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB/T 50493-2019: combustible gas first-level alarm set at most 25 %LEL; clears at 20 %LEL",
        },
        new()
        {
            Id = "gas-lel-high", Title = "Combustible gas, second level (50 %LEL)",
            Quantity = "gas_lel", Settings = new ThresholdKind { Limit = 50, ClearAt = 40 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            Source = "GB/T 50493-2019: combustible gas second-level alarm set at most 50 %LEL; clears at 40 %LEL",
        },
        new()
        {
            Id = "h2s-high", Title = "Hydrogen sulphide at its exposure limit",
            Quantity = "h2s", Settings = new ThresholdKind { Limit = 7, ClearAt = 5 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: the OELs were read in a table that cites GB/T 50493-2019 and GBZ 2.1-2019, not in the standards; the ppm conversion is ours.
            Source = ToxicLevels + "; GBZ 2.1-2019: H₂S MAC 10 mg/m³ ≈ 7 ppm; clears at 5 ppm",
        },
        new()
        {
            Id = "co-ambient-high", Title = "Carbon monoxide (workplace air) at its exposure limit",
            Quantity = "co_ambient", Settings = new ThresholdKind { Limit = 17, ClearAt = 12 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: as for h2s-high.
            Source = ToxicLevels + "; GBZ 2.1-2019: CO PC-TWA 20 mg/m³ (PC-STEL 30) ≈ 17 ppm; clears at 12 ppm",
        },
        new()
        {
            Id = "nh3-high", Title = "Ammonia at its exposure limit",
            Quantity = "nh3", Settings = new ThresholdKind { Limit = 28, ClearAt = 20 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: as for h2s-high.
            Source = ToxicLevels + "; GBZ 2.1-2019: NH₃ PC-TWA 20 mg/m³ (PC-STEL 30) ≈ 28 ppm; clears at 20 ppm",
        },
        new()
        {
            Id = "cl2-high", Title = "Chlorine at its exposure limit",
            Quantity = "cl2", Settings = new ThresholdKind { Limit = 0.34, ClearAt = 0.25 },
            Safety = true, Severity = AlertSeverities.Critical, HoldOff = TimeSpan.FromMinutes(1),
            // ⚠️ verify: as for h2s-high.
            Source = ToxicLevels + "; GBZ 2.1-2019: Cl₂ MAC 1 mg/m³ ≈ 0.34 ppm; clears at 0.25 ppm",
        },
    ];
}
