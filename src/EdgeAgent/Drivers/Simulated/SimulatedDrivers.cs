using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// The simulated twins (<c>sim-</c> prefix): what the park simulator and a demo agent run. Each
/// is seeded from its <c>seed</c> setting, the park, enterprise and device, and its sensor id, so
/// a park replays the same readings.
/// </summary>
public static class SimulatedDrivers
{
    private static readonly SettingSpec Seed = Setting.Number("seed", 1, "base of the twin's random seed");

    /// <summary>Every twin accepts it (the park simulator sets it on all of a works' sensors); those tied to production follow it.</summary>
    private static readonly SettingSpec Shift = Setting.OneOf("shift", "day", "the works' production pattern",
        "day", "two-shifts", "two_shifts", "night", "continuous", "shut-down", "shut_down", "shutdown");

    public static IReadOnlyList<DriverDescriptor> All { get; } =
    [
        Twin("sim-energy-meter", "energy meter",
            [QuantityCatalogue.Power.Name, QuantityCatalogue.Energy.Name, QuantityCatalogue.Voltage.Name, QuantityCatalogue.Current.Name],
            [Setting.Number("ratedKw", 150, "power at full production", min: 0), new SettingSpec("standbyKw", SettingKind.Number, "power when shut down") { Default = "2 % of ratedKw", Min = 0 },
             Setting.Flag("fixedSpeed", false, "a fan or pump on a fixed-speed motor (a treatment meter): full load whenever the line runs")],
            (s, seed) => new SimulatedEnergyMeter(s, seed)),
        UtilityMeter("sim-water-meter", "water meter", QuantityCatalogue.WaterVolume, 6, "m³"),
        UtilityMeter("sim-gas-meter", "natural gas meter", QuantityCatalogue.GasVolume, 40, "m³ at standard conditions"),
        UtilityMeter("sim-steam-meter", "steam meter", QuantityCatalogue.SteamMass, 1.5, "t"),
        Twin("sim-voc", "NMHC/TVOC analyser", [QuantityCatalogue.Nmhc.Name, QuantityCatalogue.Tvoc.Name],
            [Setting.Number("backgroundMg", 0.4, "mg/m³ with the line idle", min: 0), Setting.Number("processMg", 2.5, "mg/m³ added at full production", min: 0),
             Setting.Number("peakChance", 0.01, "chance per reading of an emission peak", min: 0, max: 1)],
            (s, seed) => new SimulatedVocSensor(s, seed)),
        Twin("sim-flue-gas-analyser", "stack CEMS of a gas-fired boiler (gases, dust, flow, velocity, temperature, pressure, moisture)",
            [QuantityCatalogue.Nox.Name, QuantityCatalogue.No.Name, QuantityCatalogue.No2.Name, QuantityCatalogue.So2.Name, QuantityCatalogue.Co.Name,
             QuantityCatalogue.Oxygen.Name, QuantityCatalogue.Particulate.Name, QuantityCatalogue.FlueGasFlow.Name, QuantityCatalogue.FlueGasTemperature.Name,
             QuantityCatalogue.FlueGasPressure.Name, QuantityCatalogue.FlueGasHumidity.Name, QuantityCatalogue.FlueGasVelocity.Name],
            [Setting.Number("noxMg", 110, "raw NOx mg/m³ at full fire (about 4 % O₂)", min: 0), Setting.Number("standbyMg", 1.5, "raw NOx mg/m³ with the burner off", min: 0),
             Setting.Number("flowM3s", 0.8, "dry standard flue-gas flow m³/s at full fire", min: 0)],
            (s, seed) => new SimulatedFlueGasAnalyser(s, seed)),
        Twin("sim-water-analyser", "wastewater outlet station (COD, NH₃-N, TP, TN, pH, flow)",
            [QuantityCatalogue.Cod.Name, QuantityCatalogue.AmmoniaNitrogen.Name, QuantityCatalogue.TotalPhosphorus.Name, QuantityCatalogue.TotalNitrogen.Name,
             QuantityCatalogue.Ph.Name, QuantityCatalogue.WastewaterFlow.Name],
            [Setting.Number("codMg", 45, "COD mg/L while discharging", min: 0), Setting.Number("flowLs", 2.5, "L/s at full production", min: 0)],
            (s, seed) => new SimulatedWaterAnalyser(s, seed)),
        Twin("sim-wastewater-flow", "wastewater outlet flow meter", [QuantityCatalogue.WastewaterFlow.Name],
            [Setting.Number("flowLs", 2.5, "L/s at full production", min: 0)],
            (s, seed) => new SimulatedWastewaterFlowMeter(s, seed)),
        Twin("sim-voc-species", "stack VOC speciation (benzene, toluene, xylene)",
            [QuantityCatalogue.Benzene.Name, QuantityCatalogue.Toluene.Name, QuantityCatalogue.Xylene.Name],
            [Setting.Number("benzeneMg", 0.05, "mg/m³ at full production", min: 0), Setting.Number("tolueneMg", 0.8, "mg/m³ at full production", min: 0),
             Setting.Number("xyleneMg", 1.5, "mg/m³ at full production", min: 0)],
            (s, seed) => new SimulatedVocSpecies(s, seed)),
        Twin("sim-fire-detector", "smoke and flame detector", [QuantityCatalogue.Smoke.Name, QuantityCatalogue.Flame.Name],
            [Setting.Flag("smoke", false, "report smoke"), Setting.Flag("flame", false, "report flame")],
            (s, _) => new SimulatedFireDetector(s)),
        Twin("sim-heat", "process temperature", [QuantityCatalogue.Temperature.Name],
            [Setting.Number("meanC", 24, "daily mean °C"), Setting.Number("dailySwingC", 4, "day/night swing °C", min: 0), Setting.Number("processC", 6, "°C the process adds at full production")],
            (s, seed) => new SimulatedHeatSensor(s, seed)),
        Twin("sim-air-quality", "air quality station",
            [QuantityCatalogue.Co2.Name, QuantityCatalogue.Pm25.Name, QuantityCatalogue.Pm10.Name, QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name],
            [Setting.Number("pm25Background", 25, "µg/m³ with the line idle", min: 0)],
            (s, seed) => new SimulatedAirQualitySensor(s, seed)),
        Twin("sim-gas", "combustible gas detector", [QuantityCatalogue.GasLel.Name],
            [Setting.Number("zeroLel", 0.5, "%LEL it reads in clean air", min: 0)],
            (s, seed) => new SimulatedGasDetector(s, seed)),
        Twin("sim-electrical-fire", "electrical-fire detector (residual current, terminal temperature, arc fault)",
            [QuantityCatalogue.ResidualCurrent.Name, QuantityCatalogue.CableTemperature.Name, QuantityCatalogue.ArcFault.Name],
            [Setting.Number("leakageMa", 80, "natural leakage of the circuit in mA", min: 0), Setting.Number("terminalRiseC", 15, "°C the terminal warms at full production", min: 0)],
            (s, seed) => new SimulatedElectricalFireDetector(s, seed)),
        Twin("sim-toxic-gas", "toxic gas detector (H₂S, CO, NH₃, Cl₂ cells)",
            [QuantityCatalogue.H2s.Name, QuantityCatalogue.CoAmbient.Name, QuantityCatalogue.Nh3.Name, QuantityCatalogue.Cl2.Name],
            [Setting.Number("coPpm", 1.5, "background CO in ppm", min: 0)],
            (s, seed) => new SimulatedToxicGasDetector(s, seed)),
        Twin("sim-fire-water", "fire-water main pressure and tank level",
            [QuantityCatalogue.FireWaterPressure.Name, QuantityCatalogue.FireWaterLevel.Name],
            [Setting.Number("startMpa", 0.30, "pressure at which the jockey pump starts, MPa", min: 0), Setting.Number("stopMpa", 0.35, "pressure at which it stops, MPa", min: 0),
             Setting.Number("levelM", 3.0, "the tank's full level, m", min: 0)],
            (s, seed) => new SimulatedFireWaterSensors(s, seed)),
        Twin("sim-environment", "environment sensor",
            [QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name, QuantityCatalogue.Pressure.Name, QuantityCatalogue.GasResistance.Name],
            [Setting.Number("cleanKohm", 50, "gas resistance in clean air, kΩ", positive: true)],
            (s, seed) => new SimulatedEnvironmentSensor(s, seed)),
    ];

    /// <summary>A counting supply meter (<see cref="SimulatedUtilityMeter"/>) of one quantity.</summary>
    private static DriverDescriptor UtilityMeter(string name, string part, Quantity quantity, double ratedPerHour, string unit) =>
        Twin(name, part, [quantity.Name],
            [Setting.Number("ratedPerHour", ratedPerHour, $"{unit} per hour at full production", min: 0),
             new SettingSpec("standbyPerHour", SettingKind.Number, $"{unit} per hour when idle") { Default = "5 % of ratedPerHour", Min = 0 }],
            (s, seed) => new SimulatedUtilityMeter(s, seed, quantity, ratedPerHour));

    private static DriverDescriptor Twin(string name, string part, IReadOnlyList<string> quantities, IReadOnlyList<SettingSpec> settings,
        Func<Configuration.SensorOptions, int, ISensorDriver> open) => new()
        {
            Names = [name],
            Part = "simulated " + part,
            Kind = DriverKind.Simulated,
            Quantities = DriverDescriptor.Fixed(quantities),
            Settings = new SettingsSchema([Seed, Shift, .. settings]),
            Open = (s, c) => open(s, c.SeedFor(s)),
        };
}
