using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// The DL/T 645 editions a meter can speak, chosen per meter by its <c>protocol</c> setting
/// (<c>2007</c>, the default, or <c>1997</c>). A new edition is one file like
/// <see cref="Dlt645Protocol1997"/> and one entry here.
/// </summary>
public static class Dlt645Protocols
{
    public const string SettingKey = "protocol";

    public static Dlt645Protocol Default => Dlt645Protocol2007.Protocol;

    public static IReadOnlyList<Dlt645Protocol> All { get; } = [Dlt645Protocol2007.Protocol, Dlt645Protocol1997.Protocol];

    public static Dlt645Protocol? Find(string name) => All.FirstOrDefault(p => p.Name == name.Trim());

    /// <summary>The meter's edition from its settings; a name that is none adds a problem and gives the default.</summary>
    public static Dlt645Protocol FromSettings(SensorOptions sensor, List<string> problems)
    {
        if (!sensor.Settings.TryGetValue(SettingKey, out var text))
            return Default;
        if (Find(text) is { } protocol)
            return protocol;
        problems.Add($"Settings:{SettingKey} '{text}' is not a DL/T 645 edition ({string.Join(" or ", All.Select(p => p.Name))})");
        return Default;
    }
}
