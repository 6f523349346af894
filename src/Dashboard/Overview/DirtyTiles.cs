namespace SmartPark.Dashboard.Overview;

/// <summary>
/// The tiles that changed since the last push. Marking is cheap and idempotent, so a burst of a
/// thousand readings for one enterprise costs one tile update at the next tick.
/// </summary>
public sealed class DirtyTiles
{
    private readonly Lock _gate = new();
    private HashSet<(string Park, string Enterprise)> _dirty = [];

    public void Mark(string park, string enterprise)
    {
        lock (_gate)
            _dirty.Add((park, enterprise));
    }

    /// <summary>Takes every marked tile, grouped by park, and starts a fresh set.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Drain()
    {
        HashSet<(string Park, string Enterprise)> taken;
        lock (_gate)
        {
            if (_dirty.Count == 0)
                return new Dictionary<string, IReadOnlyList<string>>();
            taken = _dirty;
            _dirty = [];
        }
        return taken.GroupBy(t => t.Park, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Enterprise).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }
}
