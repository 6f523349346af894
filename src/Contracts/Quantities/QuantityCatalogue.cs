using System.Collections.Frozen;

namespace SmartPark.Contracts.Quantities;

/// <summary>The one catalogue of quantities (docs/architecture.md, "Telemetry batch").</summary>
public static class QuantityCatalogue
{
    /// <summary>The unit of two-state detectors: the value is 0 (quiet) or 1 (alarm).</summary>
    public const string BooleanUnit = "bool";

    public static readonly Quantity Nmhc = new("nmhc", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Non-methane hydrocarbons, the VOC index of GB 37822 / DB44/2367");
    public static readonly Quantity Tvoc = new("tvoc", "mg/m3", QuantityKind.Emission, 0, 100_000,
        "Total volatile organic compounds");
    public static readonly Quantity Co2 = new("co2", "ppm", QuantityKind.Emission, 0, 100_000,
        "Carbon dioxide");
    public static readonly Quantity Pm25 = new("pm25", "ug/m3", QuantityKind.Emission, 0, 10_000,
        "Particulate matter up to 2.5 µm");
    public static readonly Quantity Pm10 = new("pm10", "ug/m3", QuantityKind.Emission, 0, 10_000,
        "Particulate matter up to 10 µm");
    public static readonly Quantity Temperature = new("temperature", "degC", QuantityKind.Environment, -60, 1_800,
        "Temperature in °C (ambient, heat detectors, thermocouples)");
    public static readonly Quantity Humidity = new("humidity", "%RH", QuantityKind.Environment, 0, 100,
        "Relative humidity");
    public static readonly Quantity Pressure = new("pressure", "hPa", QuantityKind.Environment, 0, 2_000,
        "Barometric pressure (BME680, SCD4x compensation)");
    public static readonly Quantity GasResistance = new("gas_resistance", "kOhm", QuantityKind.Environment, 0, 100_000,
        "Metal-oxide gas sensor resistance (BME680): falls as reducing gases (VOCs) rise");
    public static readonly Quantity Smoke = new("smoke", BooleanUnit, QuantityKind.Safety, 0, 1,
        "Smoke detector: 1 means alarm");
    public static readonly Quantity Flame = new("flame", BooleanUnit, QuantityKind.Safety, 0, 1,
        "Flame detector: 1 means alarm");
    public static readonly Quantity GasLel = new("gas_lel", "%LEL", QuantityKind.Safety, 0, 100,
        "Combustible gas as a percentage of the lower explosive limit");
    public static readonly Quantity Power = new("power", "kW", QuantityKind.Energy, -1_000_000, 1_000_000,
        "Active power (negative when exporting)");
    public static readonly Quantity Energy = new("energy", "kWh", QuantityKind.Energy, 0, 1e12,
        "Active energy meter reading (counts up)");
    public static readonly Quantity Voltage = new("voltage", "V", QuantityKind.Energy, 0, 1_000_000,
        "Voltage (phase to neutral)");
    public static readonly Quantity Current = new("current", "A", QuantityKind.Energy, -100_000, 100_000,
        "Current");

    public static IReadOnlyList<Quantity> All { get; } =
    [
        Nmhc, Tvoc, Co2, Pm25, Pm10, Temperature, Humidity, Smoke, Flame, GasLel, Power, Energy, Voltage, Current,
        Pressure, GasResistance,
    ];

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

    public static Quantity Get(string name) =>
        TryGet(name, out var q) ? q : throw new KeyNotFoundException($"Unknown quantity '{name}'.");
}
