using System.Globalization;

namespace SmartPark.EdgeAgent.Configuration;

/// <summary>
/// How a setting's text reads as a number, a whole number or a flag: the one parser behind the
/// settings schema (<c>check-config</c>, start-up) and the getters drivers call, so the two can
/// never disagree about what <c>"0,1"</c> or <c>"0x44"</c> means.
/// </summary>
public static class SettingText
{
    /// <summary>A finite number in invariant culture: <c>"0.1"</c>, <c>"-2.5e3"</c>; <c>"0,1"</c> is not one.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A whole number; <c>0x</c>-prefixed text is hexadecimal (I2C addresses).</summary>
    public static bool TryInteger(string text, out int value)
    {
        text = text.Trim();
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>true</c> or <c>false</c>, in any case.</summary>
    public static bool TryFlag(string text, out bool value) => bool.TryParse(text.Trim(), out value);

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
