using System.Globalization;

namespace SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

/// <summary>What a pulse meter's register stood on: the settings it counted from and the pulses since.</summary>
public sealed record PulseCount(double Initial, double PerPulse, long Pulses)
{
    /// <summary>The register: <c>initial + pulses × perPulse</c>, in decimal so 0.01 m³ steps add up to whole litres.</summary>
    public double Reading => (double)((decimal)Initial + (Pulses * (decimal)PerPulse));
}

/// <summary>
/// A pulse meter's count on disk, one small text file per sensor in the agent's data folder
/// (<c>pulse-SENSOR.count</c>), so the register survives an agent restart or a reboot. Written
/// whole to a temporary file, flushed to the device and renamed over the old one, so a power cut
/// leaves the old count or the new one, never half of either. Plain <c>key value</c> lines, read
/// without reflection (the agent is trimmed for NativeAOT).
/// </summary>
public sealed class PulseCountStore(string path)
{
    public string Path { get; } = path;

    public static PulseCountStore For(string folder, string sensorId) => new(System.IO.Path.Combine(folder, $"pulse-{sensorId}.count"));

    /// <summary>The stored count, or null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The file is there but not a count: the agent must not silently restart the register.</exception>
    public PulseCount? Load()
    {
        if (!File.Exists(Path))
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
                values[parts[0]] = parts[1];
        }
        if (values.TryGetValue("initial", out var initial) && double.TryParse(initial, NumberStyles.Float, CultureInfo.InvariantCulture, out var i)
            && values.TryGetValue("perPulse", out var perPulse) && double.TryParse(perPulse, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            && values.TryGetValue("pulses", out var pulses) && long.TryParse(pulses, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return new PulseCount(i, p, n);
        throw new InvalidDataException($"{Path} is not a pulse count (lines 'initial', 'perPulse', 'pulses'); fix or delete it, then set the sensor's 'initial' to the meter's reading");
    }

    public void Save(PulseCount count)
    {
        var temporary = Path + ".tmp";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"initial {count.Initial:R}\nperPulse {count.PerPulse:R}\npulses {count.Pulses}\n");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(text));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
