using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// A counting register an integrator sets from the meter's own documentation, because public
/// register maps disagree (the DTSU666's energy counter is at 0x401E in CHINT's map and elsewhere
/// in others) and flow meters put their totaliser wherever their maker chose. Five keys, all
/// starting with <see cref="Prefix"/>: <c>Register</c> (decimal or 0x hex), <c>Format</c>
/// (float32, uint32, int32, uint16), <c>WordOrder</c> (high-first, low-first; not for uint16),
/// <c>Function</c> (holding = 03, input = 04) and <c>Scale</c> (multiplier from the raw value into
/// the quantity's unit). Each key given replaces that part of the meter's default; absent keys keep it.
/// </summary>
public sealed record CounterRegister(string Prefix)
{
    public static IReadOnlyList<string> WordOrders { get; } = ["high-first", "low-first"];

    public static IReadOnlyList<string> Functions { get; } = ["holding", "input"];

    public string RegisterKey => Prefix + "Register";

    public string FormatKey => Prefix + "Format";

    public string WordOrderKey => Prefix + "WordOrder";

    public string FunctionKey => Prefix + "Function";

    public string ScaleKey => Prefix + "Scale";

    /// <summary>The five keys, with the meter's defaults as people should read them.</summary>
    /// <param name="defaultValue">The meter's own register, or null when the sensor must name one (a flow meter).</param>
    /// <param name="defaultFunction">The meter's function for its other values.</param>
    /// <param name="defaultOrder">The meter's word order for its other values.</param>
    /// <param name="defaultScale">How the default scale reads (<c>PT × CT</c> for a DTSU666).</param>
    /// <param name="what">What the register counts, for the descriptions.</param>
    public IReadOnlyList<SettingSpec> Specs(MeterValue? defaultValue, ModbusFunction defaultFunction, WordOrder defaultOrder, string defaultScale, string what) =>
    [
        new(RegisterKey, SettingKind.Integer, $"the register of the {what} counter, decimal or 0x hex, as the meter's manual numbers it from 0")
        {
            Default = defaultValue is null ? null : $"0x{defaultValue.Addresses[0]:X4}",
            Required = defaultValue is null,
            Min = 0,
            Max = 0xFFFF,
            Hex = true,
        },
        Setting.OneOf(FormatKey, Name(defaultValue?.Format ?? RegisterFormat.Float32), $"how the {what} counter is stored", [.. RegisterFormats.Names]),
        Setting.OneOf(WordOrderKey, Name(defaultOrder), "which register of a 32-bit value comes first (AB CD is high-first)", [.. WordOrders]),
        Setting.OneOf(FunctionKey, Name(defaultFunction), "holding registers (function 03) or input registers (function 04)", [.. Functions]),
        new(ScaleKey, SettingKind.Number, $"multiplies the raw {what} counter into its unit (0.01 for a counter in hundredths)") { Default = defaultScale, Positive = true },
    ];

    /// <summary>Rules across the keys: a word order means nothing for a one-register value, and the value must end inside the register space.</summary>
    public IEnumerable<string> Rules(SensorOptions sensor)
    {
        var format = sensor.GetString(FormatKey, "");
        if (format.Equals("uint16", StringComparison.OrdinalIgnoreCase) && sensor.GetString(WordOrderKey, "").Length > 0)
            yield return $"Settings:{WordOrderKey} has no meaning for a uint16 {FormatKey} (one register); remove it";
        var register = sensor.GetString(RegisterKey, "");
        var twoRegisters = !format.Equals("uint16", StringComparison.OrdinalIgnoreCase);
        if (twoRegisters && SettingText.TryInteger(register, out var address) && address == 0xFFFF)
            yield return $"Settings:{RegisterKey} '{register}' is the last register, but a 32-bit value takes two";
    }

    /// <summary>True when the sensor sets any of the keys.</summary>
    public bool IsConfigured(SensorOptions sensor) =>
        new[] { RegisterKey, FormatKey, WordOrderKey, FunctionKey, ScaleKey }.Any(k => sensor.GetString(k, "").Length > 0);

    /// <summary>
    /// The value the sensor configures: <paramref name="fallback"/> with each key given replacing
    /// its part. The schema has checked the keys.
    /// </summary>
    public MeterValue From(SensorOptions sensor, MeterValue fallback, ModbusFunction mapFunction, WordOrder mapOrder)
    {
        var address = sensor.GetInt(RegisterKey, fallback.Addresses[0]);
        var format = sensor.GetString(FormatKey, "") is { Length: > 0 } f ? RegisterFormats.Parse(f) : fallback.Format;
        var order = sensor.GetString(WordOrderKey, "").ToLowerInvariant() switch
        {
            "high-first" => WordOrder.HighFirst,
            "low-first" => WordOrder.LowFirst,
            _ => fallback.Order ?? mapOrder,
        };
        var function = sensor.GetString(FunctionKey, "").ToLowerInvariant() switch
        {
            "holding" => ModbusFunction.ReadHoldingRegisters,
            "input" => ModbusFunction.ReadInputRegisters,
            _ => fallback.Function ?? mapFunction,
        };
        var scale = sensor.GetDouble(ScaleKey, fallback.Scale);
        return new MeterValue(fallback.Quantity, [(ushort)address], scale) { Format = format, Order = order, Function = function };
    }

    private static string Name(RegisterFormat format) => RegisterFormats.Names[(int)format];

    private static string Name(WordOrder order) => order == WordOrder.HighFirst ? "high-first" : "low-first";

    private static string Name(ModbusFunction function) => function == ModbusFunction.ReadInputRegisters ? "input" : "holding";
}
