using System.Collections.Frozen;

namespace SmartPark.Contracts.Quantities;

/// <summary>
/// The one catalogue of quantities (docs/architecture.md, "Telemetry batch"). A quantity is one
/// entry here: its unit, range, titles and HJ 212 factor travel with it to Ingest's validation, the
/// registry, the uplink and the Dashboard (<c>GET /api/quantities</c>); nothing else lists them.
/// </summary>
public static class QuantityCatalogue
{
    /// <summary>The unit of two-state detectors: the value is 0 (quiet) or 1 (alarm).</summary>
    public const string BooleanUnit = "bool";

    // Declared before the entries: static fields are initialised in the order they are written,
    // and each entry adds itself here, so All keeps the order of this file.
    private static readonly List<Quantity> Registered = [];

    public static readonly Quantity Nmhc = Register(new("nmhc", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Non-methane hydrocarbons, the VOC index of GB 37822 / DB44/2367", new("非甲烷总烃", "NMHC"), new("a24088", "N7.3"),
        Medium: EmissionMedium.FlueGas));
    public static readonly Quantity Tvoc = Register(new("tvoc", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Total volatile organic compounds", new("TVOC", "TVOC")));
    public static readonly Quantity Co2 = Register(new("co2", "ppm", QuantityKind.Emission, 0, 100_000,
        "Carbon dioxide", new("二氧化碳", "CO₂")));
    public static readonly Quantity Pm25 = Register(new("pm25", "ug/m3", QuantityKind.Emission, 0, 10_000,
        "Particulate matter up to 2.5 µm", new("PM2.5", "PM2.5")));
    public static readonly Quantity Pm10 = Register(new("pm10", "ug/m3", QuantityKind.Emission, 0, 10_000,
        "Particulate matter up to 10 µm", new("PM10", "PM10")));
    public static readonly Quantity Temperature = Register(new("temperature", "degC", QuantityKind.Environment, -60, 1_800,
        "Temperature in °C (ambient, heat detectors, thermocouples)", new("温度", "temperature")));
    public static readonly Quantity Humidity = Register(new("humidity", "%RH", QuantityKind.Environment, 0, 100,
        "Relative humidity", new("湿度", "humidity")));
    public static readonly Quantity Smoke = Register(new("smoke", BooleanUnit, QuantityKind.Safety, 0, 1,
        "Smoke detector: 1 means alarm", new("烟感", "smoke")));
    public static readonly Quantity Flame = Register(new("flame", BooleanUnit, QuantityKind.Safety, 0, 1,
        "Flame detector: 1 means alarm", new("火焰", "flame")));
    public static readonly Quantity GasLel = Register(new("gas_lel", "%LEL", QuantityKind.Safety, 0, 100,
        "Combustible gas as a percentage of the lower explosive limit", new("可燃气体", "combustible gas")));
    public static readonly Quantity Power = Register(new("power", "kW", QuantityKind.Energy, -1_000_000, 1_000_000,
        "Active power (negative when exporting)", new("功率", "power")));
    public static readonly Quantity Energy = Register(new("energy", "kWh", QuantityKind.Energy, 0, 1e12,
        "Active energy meter reading (counts up)", new("电能", "energy"), Counter: CounterKind.Electricity));
    public static readonly Quantity Voltage = Register(new("voltage", "V", QuantityKind.Energy, 0, 1_000_000,
        "Voltage (phase to neutral)", new("电压", "voltage")));
    public static readonly Quantity Current = Register(new("current", "A", QuantityKind.Energy, -100_000, 100_000,
        "Current", new("电流", "current")));
    public static readonly Quantity Pressure = Register(new("pressure", "hPa", QuantityKind.Environment, 0, 2_000,
        "Barometric pressure (BME680, SCD4x compensation)", new("气压", "pressure")));
    public static readonly Quantity GasResistance = Register(new("gas_resistance", "kOhm", QuantityKind.Environment, 0, 100_000,
        "Metal-oxide gas sensor resistance (BME680): falls as reducing gases (VOCs) rise", new("气体电阻", "gas resistance")));
    // Flue gas (HJ 212-2017 Annex B; docs/reference/pollutants.md). Concentrations are as measured;
    // Ingest derives each one's value at reference oxygen and its emission rate (src/Contracts/Emissions).
    public static readonly Quantity Nox = Register(new("nox", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Nitrogen oxides (NO and NO2, as NO2) in flue gas", new("氮氧化物", "NOx"), new("a21002", "N5.1"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity No = Register(new("no", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Nitric oxide in flue gas", new("一氧化氮", "NO"), new("a21003", "N4.1"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity No2 = Register(new("no2", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Nitrogen dioxide in flue gas", new("二氧化氮", "NO₂"), new("a21004", "N4.1"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity So2 = Register(new("so2", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Sulphur dioxide in flue gas", new("二氧化硫", "SO₂"), new("a21026", "N5.2"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity Co = Register(new("co", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Carbon monoxide in flue gas", new("一氧化碳", "CO"), new("a21005", "N3.3"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity Particulate = Register(new("particulate", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Particulate matter (smoke dust) in flue gas", new("颗粒物", "particulate"), new("a34013", "N4"),
        Medium: EmissionMedium.FlueGas, AtReferenceOxygen: true));
    public static readonly Quantity Benzene = Register(new("benzene", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Benzene (DB44/2367-2022 limits it at the stack and the boundary)", new("苯", "benzene"), new("a25002", "N7.3"),
        Medium: EmissionMedium.FlueGas));
    public static readonly Quantity Toluene = Register(new("toluene", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Toluene (DB44/27-2001)", new("甲苯", "toluene"), new("a25003", "N4.2"), Medium: EmissionMedium.FlueGas));
    public static readonly Quantity Xylene = Register(new("xylene", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Xylene (DB44/27-2001)", new("二甲苯", "xylene"), new("a25005", "N4.2"), Medium: EmissionMedium.FlueGas));
    public static readonly Quantity Oxygen = Register(new("o2", "%", QuantityKind.Process, 0, 25,
        "Oxygen in flue gas, % by volume", new("氧含量", "O₂"), new("a19001", "N3.1")));
    public static readonly Quantity FlueGasFlow = Register(new("flue_gas_flow", "m3/s", QuantityKind.Process, 0, 10_000,
        "Flue-gas flow (dry, standard conditions unless the sensor says 'actual')", new("烟气流量", "flue-gas flow"), new("a00000", "N6.1")));
    public static readonly Quantity FlueGasVelocity = Register(new("flue_gas_velocity", "m/s", QuantityKind.Process, 0, 100,
        "Flue-gas velocity in the stack", new("烟气流速", "flue-gas velocity"), new("a01011", "N5.2")));
    public static readonly Quantity FlueGasTemperature = Register(new("flue_gas_temperature", "degC", QuantityKind.Process, -40, 1_500,
        "Flue-gas temperature in the stack", new("烟气温度", "flue-gas temperature"), new("a01012", "N3.1")));
    public static readonly Quantity FlueGasPressure = Register(new("flue_gas_pressure", "kPa", QuantityKind.Process, 0, 1_000,
        "Flue-gas absolute pressure in the stack", new("烟气压力", "flue-gas pressure"), new("a01013", "N5.3")));
    public static readonly Quantity FlueGasHumidity = Register(new("flue_gas_humidity", "%", QuantityKind.Process, 0, 100,
        "Water vapour in flue gas, % by volume (not relative humidity)", new("烟气湿度", "flue-gas moisture"), new("a01014", "N3.1")));

    // Wastewater (HJ 212-2017 Annex B, Table B.1).
    public static readonly Quantity Cod = Register(new("cod", "mg/L", QuantityKind.Water, 0, 100_000,
        "Chemical oxygen demand (CODcr)", new("化学需氧量", "COD"), new("w01018", "N5.1"), Medium: EmissionMedium.Wastewater));
    public static readonly Quantity AmmoniaNitrogen = Register(new("ammonia_nitrogen", "mg/L", QuantityKind.Water, 0, 10_000,
        "Ammonia nitrogen (NH3-N)", new("氨氮", "ammonia nitrogen"), new("w21003", "N4.2"), Medium: EmissionMedium.Wastewater));
    public static readonly Quantity TotalPhosphorus = Register(new("total_phosphorus", "mg/L", QuantityKind.Water, 0, 1_000,
        "Total phosphorus (as P)", new("总磷", "total phosphorus"), new("w21011", "N3.2"), Medium: EmissionMedium.Wastewater));
    public static readonly Quantity TotalNitrogen = Register(new("total_nitrogen", "mg/L", QuantityKind.Water, 0, 10_000,
        "Total nitrogen (as N)", new("总氮", "total nitrogen"), new("w21001", "N4.2"), Medium: EmissionMedium.Wastewater));
    public static readonly Quantity Ph = Register(new("ph", "pH", QuantityKind.Water, 0, 14,
        "pH of the discharged wastewater", new("pH值", "pH"), new("w01001", "N2.2")));
    public static readonly Quantity WastewaterFlow = Register(new("wastewater_flow", "L/s", QuantityKind.Process, 0, 100_000,
        "Wastewater discharge flow", new("废水流量", "wastewater flow"), new("w00000", "N5.2")));

    // Electrical fire (GB 14287 parts 2–4, GB 50116-2013 ch. 9; docs/reference/pollutants.md). A cable or terminal's
    // temperature is its own quantity so that it never mixes with ambient temperature or heat detectors' rules.
    // Per-phase values of a three-phase meter are reported as one sensor per phase (voltage and current), so the
    // voltage and current rules judge each phase against its circuit's registry rating (nominalVoltage, ratedCurrent).
    public static readonly Quantity ResidualCurrent = Register(new("residual_current", "mA", QuantityKind.Safety, 0, 100_000,
        "Residual (earth-leakage) current of a circuit, from an electrical-fire residual-current detector (GB 14287.2)",
        new("剩余电流", "residual current")));
    public static readonly Quantity CableTemperature = Register(new("cable_temperature", "degC", QuantityKind.Safety, -40, 400,
        "Temperature of a cable, busbar or terminal, from an electrical-fire temperature detector (GB 14287.3)",
        new("线缆温度", "cable temperature")));
    public static readonly Quantity ArcFault = Register(new("arc_fault", BooleanUnit, QuantityKind.Safety, 0, 1,
        "Arc-fault detector (GB 14287.4): 1 means a fault arc was detected", new("故障电弧", "arc fault")));
    // Toxic gases at a workplace, in ppm as gas detectors report them (flue-gas CO is mg/m3 under `co`: another quantity).
    public static readonly Quantity H2s = Register(new("h2s", "ppm", QuantityKind.Safety, 0, 10_000,
        "Hydrogen sulphide in workplace air (toxic-gas detector)", new("硫化氢", "H₂S")));
    public static readonly Quantity CoAmbient = Register(new("co_ambient", "ppm", QuantityKind.Safety, 0, 10_000,
        "Carbon monoxide in workplace air (toxic-gas detector; not flue gas)", new("一氧化碳(环境)", "CO (ambient)")));
    public static readonly Quantity Nh3 = Register(new("nh3", "ppm", QuantityKind.Safety, 0, 10_000,
        "Ammonia in workplace air (toxic-gas detector)", new("氨气", "NH₃")));
    public static readonly Quantity Cl2 = Register(new("cl2", "ppm", QuantityKind.Safety, 0, 10_000,
        "Chlorine in workplace air (toxic-gas detector)", new("氯气", "Cl₂")));
    // Fire water (GB 50974-2014): sprinkler and hydrant main pressure, and the fire-water tank's or pool's level.
    public static readonly Quantity FireWaterPressure = Register(new("fire_water_pressure", "MPa", QuantityKind.Safety, 0, 10,
        "Gauge pressure in a sprinkler or hydrant main", new("消防水压", "fire-water pressure")));
    public static readonly Quantity FireWaterLevel = Register(new("fire_water_level", "m", QuantityKind.Safety, 0, 100,
        "Water level of a fire-water tank or pool", new("消防水位", "fire-water level")));

    public static readonly Quantity GasVolume = Register(new("gas_volume", "m3", QuantityKind.Energy, 0, 1e12,
        "Natural gas meter reading at standard conditions (counts up)", new("天然气用量", "natural gas"), Counter: CounterKind.NaturalGas));
    public static readonly Quantity SteamMass = Register(new("steam_mass", "t", QuantityKind.Energy, 0, 1e12,
        "Steam meter reading, mass delivered (counts up)", new("蒸汽用量", "steam"), Counter: CounterKind.Steam));
    public static readonly Quantity WaterVolume = Register(new("water_volume", "m3", QuantityKind.Resource, 0, 1e12,
        "Water meter reading (counts up)", new("用水量", "water"), Counter: CounterKind.Water));

    // What Ingest derives (src/Contracts/Emissions): one entry per pollutant above, never sent by a device.
    private static readonly bool DerivedRegistered = RegisterDerived();

    /// <summary>Every quantity, in the order of this file.</summary>
    public static IReadOnlyList<Quantity> All { get; } = Registered.AsReadOnly();

    private static readonly FrozenDictionary<string, Quantity> ByName =
        All.ToFrozenDictionary(q => q.Name, StringComparer.Ordinal);

    public static bool TryGet(string? name, out Quantity quantity)
    {
        if (name is not null && ByName.TryGetValue(name, out var found))
        {
            quantity = found;
            return true;
        }
        quantity = null!;
        return false;
    }

    /// <summary>What a device may send: every quantity but the ones Ingest derives.</summary>
    public static IReadOnlyList<Quantity> Measured { get; } = [.. All.Where(q => !q.IsDerived)];

    /// <summary>The counting quantities (energy, gas, steam, water): the ones consumption is computed for.</summary>
    public static IReadOnlyList<Quantity> Counters { get; } = [.. All.Where(q => q.IsCounter)];

    public static Quantity Get(string name) =>
        TryGet(name, out var q) ? q : throw new KeyNotFoundException($"Unknown quantity '{name}'.");

    /// <summary>The quantity <paramref name="source"/>'s derived value is stored and judged as (<c>nox</c>, Converted → <c>nox_converted</c>).</summary>
    public static string DerivedName(string source, Derivation derivation) =>
        derivation == Derivation.Converted ? source + "_converted" : source + "_rate";

    /// <summary>The derived quantity of <paramref name="source"/>, if the catalogue has one.</summary>
    public static Quantity? DerivedOf(Quantity source, Derivation derivation) =>
        TryGet(DerivedName(source.Name, derivation), out var derived) && derived.DerivedFrom == source.Name ? derived : null;

    /// <summary>Each flue-gas pollutant judged at reference oxygen gets its converted concentration, and each
    /// pollutant carried by a medium its emission rate: written once here, never listed by hand.</summary>
    private static bool RegisterDerived()
    {
        foreach (var source in Registered.ToList())
        {
            if (source.AtReferenceOxygen)
            {
                Register(new(DerivedName(source.Name, Derivation.Converted), source.Unit, source.Kind, source.Minimum, source.Maximum * 100,
                    $"{source.Description}, dry, at the reference oxygen content of its standard (derived)",
                    new(source.Title.Zh + "(折算)", source.Title.En + " at reference O₂"),
                    DerivedFrom: source.Name, Derivation: Derivation.Converted));
            }
            if (source.Medium is not null)
            {
                Register(new(DerivedName(source.Name, Derivation.Rate), "kg/h", source.Kind, 0, 1e7,
                    $"Mass emission rate of {source.Title.En} (derived: concentration × flow)",
                    new(source.Title.Zh + "排放速率", source.Title.En + " emission rate"),
                    DerivedFrom: source.Name, Derivation: Derivation.Rate));
            }
        }
        return true;
    }

    private static Quantity Register(Quantity quantity)
    {
        Registered.Add(quantity);
        return quantity;
    }
}
