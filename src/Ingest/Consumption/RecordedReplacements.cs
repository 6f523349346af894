using System.Globalization;
using System.Text.Json;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Consumption;

/// <summary>
/// Notices meter replacements recorded (or deleted) after their quarter hours were computed, so
/// the consumption across the swap is recomputed without anyone running a rebuild: a swap entered
/// on the web a week late turns that week-old <c>reset</c> into the exact <c>replaced</c> figure.
/// The replacements already seen are kept on disk, so one recorded while Ingest was down is
/// noticed at the next start.
/// </summary>
public sealed class RecordedReplacements
{
    private readonly string _path;
    private HashSet<string> _seen;
    private long _registryVersion = -1;

    public RecordedReplacements(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        _path = Path.Combine(stateDirectory, "replacements-seen.json");
        _seen = Load(_path);
    }

    /// <summary>
    /// The (quantity, time) of every replacement added or removed since the last call, when the
    /// registry moved; empty otherwise. Call <see cref="Acknowledge"/> once their quarter hours are marked.
    /// </summary>
    public IReadOnlyList<(string Quantity, DateTimeOffset At)> Changes(ParkRegistry? registry, long version, out HashSet<string> current)
    {
        current = _seen;
        if (registry is null || version == _registryVersion)
            return [];
        current = [.. Keys(registry).Select(k => k.Key)];
        var all = Keys(registry).ToDictionary(k => k.Key, k => (k.Quantity, k.At));
        var changes = new List<(string, DateTimeOffset)>();
        foreach (var key in current.Except(_seen))
            changes.Add(all[key]);
        foreach (var key in _seen.Except(current))
            changes.Add(Parse(key));
        _registryVersion = version;
        return changes;
    }

    /// <summary>Remembers <paramref name="current"/> as seen (written to disk only when it changed).</summary>
    public void Acknowledge(HashSet<string> current)
    {
        if (current.SetEquals(_seen))
            return;
        _seen = current;
        var keys = _seen.Order(StringComparer.Ordinal).ToArray();
        AtomicFile.Write(_path, file => JsonSerializer.Serialize(file, keys, ConsumptionJsonContext.Default.StringArray));
    }

    private static IEnumerable<(string Key, string Quantity, DateTimeOffset At)> Keys(ParkRegistry registry) =>
        from park in registry.Parks
        from enterprise in park.Enterprises
        from device in enterprise.Devices
        from sensor in device.Sensors
        from swap in sensor.Replacements
        select (string.Join('|', swap.Quantity, swap.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            device.Id, sensor.Id, swap.OldFinal.ToString("R", CultureInfo.InvariantCulture), swap.NewInitial.ToString("R", CultureInfo.InvariantCulture)),
            swap.Quantity, swap.At);

    /// <summary>A removed replacement's quantity and time back from its key (quantity|ms|…).</summary>
    private static (string Quantity, DateTimeOffset At) Parse(string key)
    {
        var parts = key.Split('|');
        return (parts[0], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)));
    }

    private static HashSet<string> Load(string path)
    {
        try
        {
            return File.Exists(path)
                ? [.. JsonSerializer.Deserialize(File.ReadAllText(path), ConsumptionJsonContext.Default.StringArray) ?? []]
                : [];
        }
        catch (JsonException)
        {
            // A damaged file: every replacement then counts as new once, which only recomputes more.
            return [];
        }
    }
}
