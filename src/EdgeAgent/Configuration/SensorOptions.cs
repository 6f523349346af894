namespace SmartPark.EdgeAgent.Configuration;

/// <summary>
/// One sensor in the agent's file: which driver reads it, how often, and the driver's settings.
/// The getters read a setting or its fallback when absent; text that does not parse throws with
/// the sensor and the key, never falls back silently. The driver's settings schema
/// (<c>Drivers/Settings</c>) checks every key before a driver is opened, so a driver only meets
/// this as a last line of defence.
/// </summary>
public sealed class SensorOptions
{
    public string Id { get; set; } = "";
    public string Driver { get; set; } = "";
    public int IntervalMs { get; set; } = 10_000;
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A register map, for drivers that read a device by configuration rather than code
    /// (<c>modbus-map</c>): one entry per value or status register, each a set of text keys the
    /// driver's descriptor checks (<see cref="Drivers.Catalogue.DriverDescriptor.Map"/>).
    /// </summary>
    public List<Dictionary<string, string>> Map { get; set; } = [];

    public double GetDouble(string key, double fallback) =>
        Present(key) is { } text ? (SettingText.TryNumber(text, out var v) ? v : throw Mistake($"Settings:{key} '{text}' is not a number")) : fallback;

    public bool GetBool(string key, bool fallback) =>
        Present(key) is { } text ? (SettingText.TryFlag(text, out var v) ? v : throw Mistake($"Settings:{key} '{text}' is not true or false")) : fallback;

    public string GetString(string key, string fallback) => Present(key)?.Trim() ?? fallback;

    /// <summary>A whole number; <c>0x</c>-prefixed values are hexadecimal (I2C addresses).</summary>
    public int GetInt(string key, int fallback) =>
        Present(key) is { } text ? (SettingText.TryInteger(text, out var v) ? v : throw Mistake($"Settings:{key} '{text}' is not a whole number")) : fallback;

    /// <summary>A number the driver cannot guess, such as a transmitter's range.</summary>
    public double RequireDouble(string key) =>
        Present(key) is not null ? GetDouble(key, 0) : throw Mistake($"Settings:{key} is missing");

    public string RequireString(string key) =>
        Present(key)?.Trim() ?? throw Mistake($"Settings:{key} is missing");

    /// <summary>The I2C bus (<c>bus</c>, default 1: the Pi header's pins 3/5) and address.</summary>
    public (int Bus, int Address) GetI2c(int defaultAddress)
    {
        var bus = GetInt("bus", 1);
        var address = GetInt("address", defaultAddress);
        if (address is < 0x03 or > 0x77)
            throw Mistake($"Settings:address '0x{address:X2}' is outside 0x03..0x77");
        return (bus, address);
    }

    /// <summary>The exception for a settings mistake: it names the sensor, its driver and the key.</summary>
    public ArgumentException Mistake(string problem) => new($"Sensor '{Id}' ({Driver}): {problem}");

    private string? Present(string key) => Settings.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
