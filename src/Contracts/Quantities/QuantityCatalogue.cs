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
        "Non-methane hydrocarbons, the VOC index of GB 37822 / DB44/2367", new("非甲烷总烃", "NMHC"), new("a24088", "N7.3")));
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
    public static readonly Quantity Nox = Register(new("nox", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Nitrogen oxides (NO and NO2, as NO2) in flue gas", new("氮氧化物", "NOx"), new("a21002", "N5.1")));

    public static readonly Quantity GasVolume = Register(new("gas_volume", "m3", QuantityKind.Energy, 0, 1e12,
        "Natural gas meter reading at standard conditions (counts up)", new("天然气用量", "natural gas"), Counter: CounterKind.NaturalGas));
    public static readonly Quantity SteamMass = Register(new("steam_mass", "t", QuantityKind.Energy, 0, 1e12,
        "Steam meter reading, mass delivered (counts up)", new("蒸汽用量", "steam"), Counter: CounterKind.Steam));
    public static readonly Quantity WaterVolume = Register(new("water_volume", "m3", QuantityKind.Resource, 0, 1e12,
        "Water meter reading (counts up)", new("用水量", "water"), Counter: CounterKind.Water));

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

    /// <summary>The counting quantities (energy, gas, steam, water): the ones consumption is computed for.</summary>
    public static IReadOnlyList<Quantity> Counters { get; } = [.. All.Where(q => q.IsCounter)];

    public static Quantity Get(string name) =>
        TryGet(name, out var q) ? q : throw new KeyNotFoundException($"Unknown quantity '{name}'.");

    private static Quantity Register(Quantity quantity)
    {
        Registered.Add(quantity);
        return quantity;
    }
}
