using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Settings;

/// <summary>The settings several drivers share, declared once.</summary>
public static class CommonSettings
{
    /// <summary>
    /// <see cref="Calibration.LinearCalibration"/>: <c>scale</c>/<c>offset</c> for every quantity,
    /// <c>QUANTITY.scale</c>/<c>QUANTITY.offset</c> for one.
    /// </summary>
    public static IReadOnlyList<SettingSpec> LinearCalibration { get; } =
    [
        Setting.Number("scale", 1, "multiplies every quantity (co-location against a reference)"),
        Setting.Number("offset", 0, "added to every quantity after scale"),
        Setting.Number("*.scale", 1, "multiplies one quantity, e.g. temperature.scale"),
        Setting.Number("*.offset", 0, "added to one quantity, e.g. temperature.offset"),
    ];

    /// <summary><see cref="Energy.MeterCalibration"/>: <c>scale.QUANTITY</c>/<c>offset.QUANTITY</c>.</summary>
    public static IReadOnlyList<SettingSpec> MeterCalibration { get; } =
    [
        Setting.Number("scale.*", 1, "multiplies one quantity, e.g. scale.current for an unprogrammed CT"),
        Setting.Number("offset.*", 0, "added to one quantity after its scale"),
    ];

    /// <summary>An I2C chip: <c>bus</c> (the Pi header's is 1) and <c>address</c> (0x03..0x77).</summary>
    public static IReadOnlyList<SettingSpec> I2c(int defaultAddress) =>
    [
        Setting.Integer("bus", 1, "I2C bus number: /dev/i2c-N", 0, 255),
        new("address", SettingKind.Integer, "7-bit I2C address") { Default = $"0x{defaultAddress:X2}", Min = 0x03, Max = 0x77, Hex = true },
    ];

    /// <summary>A serial line: <c>port</c> (device file), <c>baud</c>, <c>format</c> (e.g. 8N1).</summary>
    public static IReadOnlyList<SettingSpec> SerialLine(int defaultBaud, string defaultFormat, bool portRequired = true) =>
    [
        portRequired
            ? Setting.RequiredText("port", "the serial device, e.g. /dev/ttyUSB0 or /dev/ttyAMA0", SerialSettings.CheckPort)
            : Setting.Text("port", "", "the serial device, e.g. /dev/ttyUSB0 or /dev/ttyAMA0", SerialSettings.CheckPort),
        Setting.OneOf("baud", defaultBaud.ToString(System.Globalization.CultureInfo.InvariantCulture), "line speed",
            [.. SerialSettings.StandardBaudRates.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        Setting.Text("format", defaultFormat, "data bits, parity, stop bits: 8N1, 8E1, 8N2", SerialSettings.CheckFormat),
    ];
}
