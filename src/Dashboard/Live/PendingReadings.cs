using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Live readings waiting for the next push, per device: only the latest reading of each sensor
/// and quantity is kept, so a device sending ten batches a second reaches each browser as a few
/// updates a second (<see cref="ReadingsPublisher"/>), however many browsers watch its park.
/// Without this the Dashboard pushed every batch to every browser and, with 500 browsers at
/// 5,000 readings/s (<c>./smartpark bench dashboard</c>), fell seconds behind.
/// </summary>
public sealed class PendingReadings
{
    private readonly Lock _gate = new();
    private Dictionary<DeviceAddress, ReadingsUpdate> _pending = [];

    public void Add(DeviceAddress device, ReadingsUpdate update)
    {
        lock (_gate)
            _pending[device] = _pending.TryGetValue(device, out var earlier) ? Merge(earlier, update) : update;
    }

    /// <summary>Takes every pending update and starts afresh.</summary>
    public IReadOnlyCollection<ReadingsUpdate> Drain()
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
                return [];
            var taken = _pending.Values;
            _pending = [];
            return taken;
        }
    }

    /// <summary>The newer batch's header; per sensor and quantity the reading with the latest timestamp.</summary>
    public static ReadingsUpdate Merge(ReadingsUpdate earlier, ReadingsUpdate later)
    {
        var latest = new Dictionary<(string Sensor, string Quantity), ReadingView>();
        foreach (var r in earlier.Readings.Concat(later.Readings))
        {
            if (!latest.TryGetValue((r.Sensor, r.Quantity), out var kept) || r.Ts >= kept.Ts)
                latest[(r.Sensor, r.Quantity)] = r;
        }
        return later with { Seq = Math.Max(earlier.Seq, later.Seq), Readings = [.. latest.Values] };
    }
}
