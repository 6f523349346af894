using System.Collections.Concurrent;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// What this Dashboard instance knows of every device right now, built from MQTT alone (retained
/// status messages, then telemetry), so any number of instances agree without talking to each other.
/// </summary>
public sealed class LiveState
{
    private readonly ConcurrentDictionary<DeviceAddress, DeviceEntry> _devices = new();

    public IReadOnlyList<string> Parks() =>
        _devices.Keys.Select(d => d.Park).Distinct().Order(StringComparer.Ordinal).ToList();

    public ParkSnapshot Snapshot(string park) =>
        new(park, _devices
            .Where(kv => kv.Key.Park == park)
            .OrderBy(kv => kv.Key.Enterprise, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Device, StringComparer.Ordinal)
            .Select(kv => kv.Value.View(kv.Key))
            .ToList());

    public void ApplyStatus(DeviceAddress device, DeviceStatus status, DateTimeOffset receivedAt) =>
        _devices.GetOrAdd(device, _ => new DeviceEntry()).ApplyStatus(status, receivedAt);

    public void ApplyReadings(DeviceAddress device, ReadingsUpdate update) =>
        _devices.GetOrAdd(device, _ => new DeviceEntry()).ApplyReadings(update);

    private sealed class DeviceEntry
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<(string Sensor, string Quantity), ReadingView> _latest = [];
        private string _state = "unknown";
        private DateTimeOffset? _stateAt;
        private DateTimeOffset? _lastSeen;
        private long? _lastSeq;

        public void ApplyStatus(DeviceStatus status, DateTimeOffset receivedAt)
        {
            lock (_gate)
            {
                _state = status.State;
                _stateAt = status.At ?? receivedAt;
            }
        }

        public void ApplyReadings(ReadingsUpdate update)
        {
            lock (_gate)
            {
                foreach (var r in update.Readings)
                {
                    // A replayed old batch must not overwrite a newer value.
                    if (!_latest.TryGetValue((r.Sensor, r.Quantity), out var current) || current.Ts <= r.Ts)
                        _latest[(r.Sensor, r.Quantity)] = r;
                }
                _lastSeen = update.ReceivedAt;
                _lastSeq = Math.Max(_lastSeq ?? 0, update.Seq);
                if (_state != DeviceStatus.Online)
                {
                    _state = DeviceStatus.Online;
                    _stateAt = update.ReceivedAt;
                }
            }
        }

        public DeviceView View(DeviceAddress device)
        {
            lock (_gate)
            {
                return new DeviceView(device.Park, device.Enterprise, device.Device, _state, _stateAt, _lastSeen, _lastSeq,
                    _latest.Values.OrderBy(r => r.Sensor, StringComparer.Ordinal).ThenBy(r => r.Quantity, StringComparer.Ordinal).ToList());
            }
        }
    }
}
