using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Adds to a live batch the quantities Ingest derives and stores but that never travel on MQTT
/// (<c>nox_converted</c>, <c>cod_rate</c>…), with the same <see cref="EmissionDerivation"/> and the
/// registry's settings of each sensor, so a live tile shows the converted value Ingest judges, not
/// a different one computed here.
/// </summary>
public static class LiveDerivation
{
    /// <summary>The batch's readings followed by their derived ones; the batch itself when nothing derives.</summary>
    public static IReadOnlyList<Reading> WithDerived(DeviceAddress device, IReadOnlyList<Reading> readings, ParkRegistry? registry)
    {
        if (!EmissionDerivation.MayDerive(readings))
            return readings;
        // The registry is looked up by the topic's address: a device id listed under another park
        // or enterprise is not this device, and its settings must not convert this one's values.
        var sensors = registry is not null && registry.TryGetDevice(device.Device, out var registered) && registered.Address == device
            ? registered.Device.Sensors
            : [];
        var derived = EmissionDerivation.Derive(readings, id => sensors.FirstOrDefault(s => s.Id == id)?.Emission);
        return derived.Count == 0 ? readings : [.. readings, .. derived];
    }
}
