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

    /// <summary>
    /// The line a sensor's settings describe. The settings schema (<see cref="Settings.CommonSettings.SerialLine"/>)
    /// has checked each key already; a value it would refuse still throws here, naming the sensor.
    /// </summary>
    public static SerialSettings From(SensorOptions sensor, int defaultBaud, string defaultFormat)
    {
        var port = sensor.RequireString("port");
        if (CheckPort(port) is { } badPort)
            throw sensor.Mistake($"Settings:port '{port}' {badPort}");
        var baud = sensor.GetInt("baud", defaultBaud);
        if (!StandardBaudRates.Contains(baud))
            throw sensor.Mistake($"Settings:baud '{baud}' is not one of {string.Join(", ", StandardBaudRates)}");
        var format = sensor.GetString("format", defaultFormat);
        if (!TryParseFormat(format.ToUpperInvariant(), out var dataBits, out var parity, out var stopBits))
            throw sensor.Mistake($"Settings:format '{format}' {CheckFormat(format)}");
        return new SerialSettings(port, baud, dataBits, parity, stopBits);
    }

    /// <summary>What is wrong with a <c>port</c> value, or null.</summary>
    public static string? CheckPort(string port) =>
        port.StartsWith("/dev/", StringComparison.Ordinal) ? null : "is not a device file under /dev";

    /// <summary>What is wrong with a <c>format</c> value, or null.</summary>
    public static string? CheckFormat(string format) =>
        TryParseFormat(format.ToUpperInvariant(), out _, out _, out _) ? null : "is not data bits, parity and stop bits like 8N1, 8E1 or 8N2";

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
