using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Settings;

/// <summary>Short ways to write a <see cref="SettingSpec"/> in a driver's descriptor.</summary>
public static class Setting
{
    public static SettingSpec Number(string key, double @default, string about, double? min = null, double? max = null, bool positive = false) =>
        new(key, SettingKind.Number, about) { Default = SettingText.Format(@default), Min = min, Max = max, Positive = positive };

    public static SettingSpec RequiredNumber(string key, string about, double? min = null, double? max = null, bool positive = false) =>
        new(key, SettingKind.Number, about) { Required = true, Min = min, Max = max, Positive = positive };

    public static SettingSpec Integer(string key, int @default, string about, int min, int max) =>
        new(key, SettingKind.Integer, about) { Default = @default.ToString(System.Globalization.CultureInfo.InvariantCulture), Min = min, Max = max };

    public static SettingSpec Flag(string key, bool @default, string about) =>
        new(key, SettingKind.Flag, about) { Default = @default ? "true" : "false" };

    public static SettingSpec Text(string key, string @default, string about, Func<string, string?>? check = null) =>
        new(key, SettingKind.Text, about) { Default = @default, Check = check };

    public static SettingSpec RequiredText(string key, string about, Func<string, string?>? check = null) =>
        new(key, SettingKind.Text, about) { Required = true, Check = check };

    public static SettingSpec OneOf(string key, string @default, string about, params IReadOnlyList<string> choices) =>
        new(key, SettingKind.Text, about) { Default = @default, Choices = choices };
}
