using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Serial;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// A Modbus meter's settings: <c>port</c> (+ <c>baud</c>, <c>format</c>) for RTU, or <c>host</c>
/// (+ <c>tcpPort</c>, default 502) for TCP; <c>unit</c> (1..247, default 1); <c>timeoutMs</c>
/// (default 1000).
/// </summary>
public sealed record ModbusMeterSettings(ModbusEndpoint Endpoint, byte Unit)
{
    /// <summary>The keys every Modbus meter reads, with its factory line settings as defaults.</summary>
    public static SettingsSchema Schema(int defaultBaud, string defaultFormat) => new(
    [
        .. CommonSettings.SerialLine(defaultBaud, defaultFormat, portRequired: false),
        Setting.Text("host", "", "the meter's or gateway's address for Modbus TCP (instead of port)"),
        Setting.Integer("tcpPort", 502, "Modbus TCP port", 1, 65535),
        Setting.Integer("unit", 1, "the meter's Modbus unit (slave) address", 1, 247),
        Setting.Integer("timeoutMs", 1000, "how long to wait for a reply", 50, 30_000),
        .. CommonSettings.MeterCalibration,
    ]);

    /// <summary>The rule across keys: exactly one of port (RTU) and host (TCP).</summary>
    public static IEnumerable<string> CheckEndpoint(SensorOptions sensor)
    {
        var host = sensor.GetString("host", "");
        var port = sensor.GetString("port", "");
        if (host.Length > 0 && port.Length > 0)
            yield return "Settings has both port (RTU) and host (TCP); keep the one the meter is wired to";
        else if (host.Length == 0 && port.Length == 0)
            yield return "Settings:port is missing (the serial device, e.g. /dev/ttyUSB0 or /dev/ttyAMA0)";
    }

    public static ModbusMeterSettings From(SensorOptions sensor, int defaultBaud, string defaultFormat)
    {
        var host = sensor.GetString("host", "");
        var serial = host.Length == 0 ? SerialSettings.From(sensor, defaultBaud, defaultFormat) : null;
        var tcpPort = sensor.GetInt("tcpPort", 502);
        var unit = sensor.GetInt("unit", 1);
        var timeoutMs = sensor.GetInt("timeoutMs", 1000);
        return new ModbusMeterSettings(new ModbusEndpoint(serial, host.Length > 0 ? host : null, tcpPort, TimeSpan.FromMilliseconds(timeoutMs)), (byte)unit);
    }
}
