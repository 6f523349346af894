using System.Globalization;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>Reads the bus settings real drivers share, with errors that name the sensor and the key.</summary>
public static class SensorSettings
{
    /// <summary>An integer setting; <c>0x</c>-prefixed values are hexadecimal (I2C addresses).</summary>
    public static int GetInt(this SensorOptions options, string key, int fallback)
    {
        if (!options.Settings.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            return fallback;
        text = text.Trim();
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new ArgumentException($"Sensor '{options.Id}': setting {key} '{text}' is not an integer");
    }

    /// <summary>A number the driver cannot guess, such as a transmitter's range.</summary>
    public static double RequireDouble(this SensorOptions options, string key)
    {
        if (options.Settings.TryGetValue(key, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
            return value;
        throw new ArgumentException($"Sensor '{options.Id}' ({options.Driver}): setting {key} is missing or not a number");
    }

    public static string RequireString(this SensorOptions options, string key) =>
        options.Settings.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw new ArgumentException($"Sensor '{options.Id}' ({options.Driver}): setting {key} is missing");

    /// <summary>The I2C bus (<c>bus</c>, default 1: the Pi header's pins 3/5) and address.</summary>
    public static (int Bus, int Address) GetI2c(this SensorOptions options, int defaultAddress)
    {
        var bus = options.GetInt("bus", 1);
        var address = options.GetInt("address", defaultAddress);
        if (address is < 0x03 or > 0x77)
            throw new ArgumentException($"Sensor '{options.Id}': I2C address 0x{address:X2} is outside 0x03..0x77");
        return (bus, address);
    }
}
