using System.Globalization;
using System.IO.Ports;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Serial;

/// <summary>
/// A serial line's settings from a sensor's <c>Settings</c>: <c>port</c> (device file),
/// <c>baud</c> and <c>format</c> as data bits, parity and stop bits, e.g. <c>8N1</c>, <c>8E1</c>, <c>8N2</c>.
/// </summary>
public sealed record SerialSettings(string Port, int BaudRate, int DataBits, Parity Parity, StopBits StopBits)
{
    public static readonly int[] StandardBaudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <summary>Reads the settings; every problem is listed so check-config reports them together.</summary>
    public static SerialSettings Parse(SensorOptions sensor, int defaultBaud, string defaultFormat, List<string> problems)
    {
        var port = sensor.GetString("port", "");
        if (port.Length == 0)
            problems.Add("Settings:port is missing (the serial device, e.g. /dev/ttyUSB0 or /dev/ttyAMA0)");
        else if (!port.StartsWith("/dev/", StringComparison.Ordinal))
            problems.Add($"Settings:port '{port}' is not a device file under /dev");

        var baud = defaultBaud;
        if (sensor.Settings.TryGetValue("baud", out var baudText)
            && (!int.TryParse(baudText, NumberStyles.None, CultureInfo.InvariantCulture, out baud) || !StandardBaudRates.Contains(baud)))
        {
            problems.Add($"Settings:baud '{baudText}' is not one of {string.Join(", ", StandardBaudRates)}");
            baud = defaultBaud;
        }

        var format = sensor.GetString("format", defaultFormat).ToUpperInvariant();
        if (!TryParseFormat(format, out var dataBits, out var parity, out var stopBits))
        {
            problems.Add($"Settings:format '{format}' is not data bits, parity and stop bits like 8N1, 8E1 or 8N2");
            TryParseFormat(defaultFormat, out dataBits, out parity, out stopBits);
        }
        return new SerialSettings(port, baud, dataBits, parity, stopBits);
    }

    /// <summary>Bits on the wire per character: start, data, parity, stop.</summary>
    public int BitsPerCharacter => 1 + DataBits + (Parity == Parity.None ? 0 : 1) + (StopBits == StopBits.Two ? 2 : 1);

    private static bool TryParseFormat(string format, out int dataBits, out Parity parity, out StopBits stopBits)
    {
        dataBits = 8;
        parity = Parity.None;
        stopBits = StopBits.One;
        if (format.Length != 3 || format[0] is not ('7' or '8') || format[2] is not ('1' or '2'))
            return false;
        dataBits = format[0] - '0';
        stopBits = format[2] == '2' ? StopBits.Two : StopBits.One;
        switch (format[1])
        {
            case 'N': parity = Parity.None; return true;
            case 'E': parity = Parity.Even; return true;
            case 'O': parity = Parity.Odd; return true;
            default: return false;
        }
    }
}
