using System.Text.Json;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Rollups;

/// <summary>
/// The rollup windows that have stored points not yet reflected in their rollup. A window is
/// marked when InfluxDB accepts a point in it (live, late or replayed from the spool) and taken
/// off once its rollup is written, unless more points arrived meanwhile (its generation moved).
/// The set is saved to disk whenever it gains a window, before the points' messages are
/// acknowledged, so a crash never leaves stored points outside their rollups. Shared by the
/// rollups (1m and 1h windows) and consumption (15m windows of counting quantities), each with its own file.
/// </summary>
public sealed class DirtyWindows
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly Dictionary<RollupWindow, long> _windows = [];
    private readonly IReadOnlyList<RollupPeriod> _periods;
    private long _generation;

    /// <param name="stateDirectory">Where the set is kept.</param>
    /// <param name="periods">The windows a point marks: the rollups' by default.</param>
    /// <param name="fileName">The set's file in <paramref name="stateDirectory"/>.</param>
    public DirtyWindows(string stateDirectory, IReadOnlyList<RollupPeriod>? periods = null, string fileName = "dirty-windows.json")
    {
        Directory.CreateDirectory(stateDirectory);
        _periods = periods ?? RollupPeriod.All;
        _path = Path.Combine(stateDirectory, fileName);
        foreach (var window in Load(_path))
            _windows[window] = 0;
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _windows.Count;
        }
    }

    /// <summary>Marks the windows of every period that hold these points; saves when the set grew.</summary>
    public void Mark(IEnumerable<(string Measurement, long TimestampMs)> points)
    {
        lock (_gate)
        {
            var generation = ++_generation;
            var grew = false;
            foreach (var (measurement, ts) in points)
            {
                foreach (var period in _periods)
                {
                    var window = new RollupWindow(measurement, period.Suffix, period.WindowStart(ts));
                    grew |= _windows.TryAdd(window, generation);
                    _windows[window] = generation;
                }
            }
            if (grew)
                Save();
        }
    }

    /// <summary>Windows whose end plus <paramref name="grace"/> has passed, with their generation.</summary>
    public IReadOnlyList<(RollupWindow Window, long Generation)> Due(DateTimeOffset now, TimeSpan grace)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            return _windows
                .Where(w => w.Key.StartMs + (long)Length(w.Key.Period).TotalMilliseconds + (long)grace.TotalMilliseconds <= nowMs)
                .Select(w => (w.Key, w.Value))
                .ToList();
        }
    }

    /// <summary>The rollups of these windows are written: forget the ones nothing touched since.</summary>
    public void Done(IEnumerable<(RollupWindow Window, long Generation)> computed)
    {
        lock (_gate)
        {
            var shrank = false;
            foreach (var (window, generation) in computed)
            {
                if (_windows.TryGetValue(window, out var current) && current == generation)
                    shrank |= _windows.Remove(window);
            }
            if (shrank)
                Save();
        }
    }

    private TimeSpan Length(string period) => _periods.First(p => p.Suffix == period).Length;

    private void Save() =>
        AtomicFile.Write(_path, file => JsonSerializer.Serialize(file, _windows.Keys.Select(w => new StoredWindow(w.Measurement, w.Period, w.StartMs)).ToList(), RollupJsonContext.Default.ListStoredWindow));

    private static IEnumerable<RollupWindow> Load(string path)
    {
        if (!File.Exists(path))
            return [];
        using var file = File.OpenRead(path);
        var stored = JsonSerializer.Deserialize(file, RollupJsonContext.Default.ListStoredWindow) ?? [];
        return stored.Select(w => new RollupWindow(w.Measurement, w.Period, w.StartMs));
    }
}

public sealed record StoredWindow(string Measurement, string Period, long StartMs);
