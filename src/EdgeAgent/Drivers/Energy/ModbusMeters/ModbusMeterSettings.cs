using System.Globalization;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// A Modbus meter's settings: <c>port</c> (+ <c>baud</c>, <c>format</c>) for RTU, or <c>host</c>
/// (+ <c>tcpPort</c>, default 502) for TCP; <c>unit</c> (1..247, default 1); <c>timeoutMs</c>
/// (default 1000).
/// </summary>
public sealed record ModbusMeterSettings(ModbusEndpoint Endpoint, byte Unit)
{
    public static ModbusMeterSettings Parse(SensorOptions sensor, int defaultBaud, string defaultFormat, List<string> problems)
    {
        var host = sensor.GetString("host", "");
        var hasPort = sensor.Settings.ContainsKey("port");
        SerialSettings? serial = null;
        if (host.Length > 0 && hasPort)
            problems.Add("Settings has both port (RTU) and host (TCP); keep the one the meter is wired to");
        else if (host.Length == 0)
            serial = SerialSettings.Parse(sensor, defaultBaud, defaultFormat, problems);

        var tcpPort = ParseInt(sensor, "tcpPort", 502, 1, 65535, problems);
        var unit = ParseInt(sensor, "unit", 1, 1, 247, problems);
        var timeoutMs = ParseInt(sensor, "timeoutMs", 1000, 50, 30_000, problems);
        return new ModbusMeterSettings(new ModbusEndpoint(serial, host.Length > 0 ? host : null, tcpPort, TimeSpan.FromMilliseconds(timeoutMs)), (byte)unit);
    }

    internal static int ParseInt(SensorOptions sensor, string key, int fallback, int min, int max, List<string> problems)
    {
        if (!sensor.Settings.TryGetValue(key, out var text))
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add($"Settings:{key} '{text}' must be a whole number {min}..{max}");
        return fallback;
    }

    internal static double ParsePositive(SensorOptions sensor, string key, double fallback, List<string> problems)
    {
        if (!sensor.Settings.TryGetValue(key, out var text))
            return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
            return value;
        problems.Add($"Settings:{key} '{text}' must be a positive number");
        return fallback;
    }
}
