using System.Globalization;

namespace SmartPark.EdgeAgent.Drivers.Ds18b20;

/// <summary>
/// Reads a thermometer through the kernel's w1-therm driver: <c>&lt;devices&gt;/&lt;id&gt;/w1_slave</c>
/// holds two lines, the scratchpad with the kernel's CRC verdict (<c>crc=57 YES</c>) and the
/// scratchpad again with <c>t=</c> in milli-degrees Celsius.
/// </summary>
public sealed class SysfsOneWireThermometer(string devicesFolder, string deviceId) : IOneWireThermometer
{
    /// <summary>The DS18B20's power-on scratchpad value: a conversion that never ran, not a temperature.</summary>
    public const int PowerOnResetMilli = 85_000;

    public string DeviceId { get; } = deviceId;

    public double ReadCelsius()
    {
        var file = Path.Combine(devicesFolder, DeviceId, "w1_slave");
        if (!File.Exists(file))
            throw new IOException($"{file} does not exist: DS18B20 {DeviceId} is not on the bus (check the ID with ls {devicesFolder}, the 4.7 kΩ pull-up and the wiring)");
        return Parse(File.ReadAllText(file), DeviceId);
    }

    public static double Parse(string w1Slave, string deviceId)
    {
        var lines = w1Slave.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
            throw new InvalidDataException($"DS18B20 {deviceId}: w1_slave has {lines.Length} lines, expected 2");
        if (!lines[0].EndsWith("YES", StringComparison.Ordinal))
            throw new InvalidDataException($"DS18B20 {deviceId}: CRC check failed ({lines[0]}): noise on a long cable, or a weak pull-up");
        var at = lines[1].LastIndexOf("t=", StringComparison.Ordinal);
        if (at < 0 || !int.TryParse(lines[1].AsSpan(at + 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli))
            throw new InvalidDataException($"DS18B20 {deviceId}: no t= value in '{lines[1]}'");
        if (milli == PowerOnResetMilli)
            throw new InvalidDataException($"DS18B20 {deviceId}: 85 °C power-on value, the conversion did not run (parasite power too weak: wire VDD to 3.3 V)");
        return milli / 1000.0;
    }
}
