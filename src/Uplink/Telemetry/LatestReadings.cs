using System.Collections.Concurrent;
using SmartPark.Contracts.Topics;

namespace SmartPark.Uplink.Telemetry;

/// <summary>The newest reading of one quantity of one sensor, as real-time data needs it.</summary>
public sealed record LatestReading(double Value, string Flag, DateTimeOffset Ts);

/// <summary>The newest reading per (device, sensor, quantity), fed from MQTT; a reading older than the one held is ignored.</summary>
public sealed class LatestReadings
{
    private readonly ConcurrentDictionary<(DeviceAddress Device, string Sensor, string Quantity), LatestReading> _latest = new();

    public void Offer(DeviceAddress device, string sensor, string quantity, LatestReading reading) =>
        _latest.AddOrUpdate((device, sensor, quantity), reading, (_, held) => reading.Ts >= held.Ts ? reading : held);

    public LatestReading? Get(DeviceAddress device, string sensor, string quantity) =>
        _latest.GetValueOrDefault((device, sensor, quantity));
}
