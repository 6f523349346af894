using System.Device.Gpio;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

/// <summary>
/// A pulse meter's settings: <c>pin</c> (BCM), <c>quantity</c> it counts, <c>perPulse</c> (that
/// quantity's unit per pulse), <c>initial</c> (the register when counting began: the meter's
/// reading), <c>activeLevel</c>, <c>pull</c>, <c>debounceMs</c> and <c>saveSeconds</c> (how often
/// at most the count is written to disk).
/// </summary>
public sealed record PulseMeterSettings(int Pin, string Quantity, double PerPulse, double Initial, bool ActiveHigh, PinMode Mode, TimeSpan Debounce, TimeSpan SaveEvery)
{
    /// <summary>What a pulse output may count: the supply meters' quantities and electricity (an S0 output).</summary>
    public static IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.WaterVolume.Name, QuantityCatalogue.GasVolume.Name, QuantityCatalogue.SteamMass.Name, QuantityCatalogue.Energy.Name];

    public static SettingsSchema Schema { get; } = new([
        new SettingSpec("pin", SettingKind.Integer, "header GPIO the pulse output is wired to, BCM numbering") { Required = true, Min = 0, Max = 27 },
        new SettingSpec("quantity", SettingKind.Text, "what the meter counts") { Required = true, Choices = Quantities },
        Setting.RequiredNumber("perPulse", "the quantity's unit per pulse, from the meter's plate: 0.01 (m³) for 10 L/pulse, 0.001 (kWh) for 1000 imp/kWh", positive: true),
        Setting.Number("initial", 0, "the meter's reading when counting begins; change it to restart the register (meter replaced)", min: 0),
        Setting.OneOf("activeLevel", "low", "the level during a pulse: low for a reed contact or open collector to GND", "low", "high"),
        Setting.OneOf("pull", "up when active low, down when active high", "the input's pull resistor", "up", "down", "none"),
        Setting.Integer("debounceMs", 10, "how long the line must rest between pulses; a reed contact bounces for a few ms", 0, 1000),
        Setting.Integer("saveSeconds", 10, "the count is written to disk at most this often (and when the agent stops)", 1, 3600),
    ]);

    /// <summary>The sensor's quantity, or none while it is missing or not one of <see cref="Quantities"/> (the schema says which).</summary>
    public static IReadOnlyList<string> QuantitiesOf(SensorOptions sensor) =>
        sensor.GetString("quantity", "") is var q && Quantities.Contains(q, StringComparer.Ordinal) ? [q] : [];

    /// <summary>The settings; the schema has checked each key.</summary>
    public static PulseMeterSettings From(SensorOptions sensor)
    {
        var activeHigh = sensor.GetString("activeLevel", "low").Equals("high", StringComparison.OrdinalIgnoreCase);
        var mode = sensor.GetString("pull", activeHigh ? "down" : "up").ToLowerInvariant() switch
        {
            "up" => PinMode.InputPullUp,
            "down" => PinMode.InputPullDown,
            _ => PinMode.Input,
        };
        return new PulseMeterSettings(
            sensor.GetInt("pin", -1),
            sensor.RequireString("quantity"),
            sensor.RequireDouble("perPulse"),
            sensor.GetDouble("initial", 0),
            activeHigh,
            mode,
            TimeSpan.FromMilliseconds(sensor.GetInt("debounceMs", 10)),
            TimeSpan.FromSeconds(sensor.GetInt("saveSeconds", 10)));
    }
}
