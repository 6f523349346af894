using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Live readings waiting for the next push, per device: the batches a device sends within one
/// interval reach each browser as one update (<see cref="ReadingsPublisher"/>), so a device
/// sending ten batches a second costs a browser a few messages a second. Every reading is kept
/// (a live chart draws them all), up to <see cref="MaxPerSeries"/> of each sensor and quantity
/// per interval, the newest.
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

    /// <summary>Readings of one sensor and quantity kept per interval, at most (a 400 Hz series).</summary>
    public const int MaxPerSeries = 100;

    /// <summary>The newer batch's header; the readings of both, each (sensor, quantity, time) once,
    /// oldest first, at most <see cref="MaxPerSeries"/> per series.</summary>
    public static ReadingsUpdate Merge(ReadingsUpdate earlier, ReadingsUpdate later)
    {
        var readings = earlier.Readings.Concat(later.Readings)
            .GroupBy(r => (r.Sensor, r.Quantity, r.Ts)).Select(g => g.Last())
            .GroupBy(r => (r.Sensor, r.Quantity)).SelectMany(g => g.OrderBy(r => r.Ts).TakeLast(MaxPerSeries))
            .OrderBy(r => r.Ts)
            .ToList();
        return later with { Seq = Math.Max(earlier.Seq, later.Seq), Readings = readings };
    }
}
