using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.Contracts.Validation;

/// <summary>A valid batch split by what the registry lists for its device: the readings to store,
/// and those to dead-letter (as a batch with the same header) with one error each.</summary>
public sealed record RegisteredReadingsSplit(TelemetryBatch Registered, TelemetryBatch? Unregistered, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// Keeps a device to the sensors and quantities its registry entry lists. Every new sensor id or
/// quantity is a new InfluxDB series (and a new Dashboard tile): without this a device's owner
/// could grow the series count, and with it the database's memory, without bound.
/// </summary>
public static class RegisteredReadings
{
    /// <summary>Splits a batch the <see cref="TelemetryValidator"/> accepted (every reading has a sensor and a quantity).</summary>
    public static RegisteredReadingsSplit Split(RegistryDevice device, TelemetryBatch batch)
    {
        var readings = batch.Readings!;
        List<Reading>? registered = null;
        List<Reading>? unregistered = null;
        List<ValidationError>? errors = null;
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (Problem(device, reading, i) is not { } error)
            {
                registered?.Add(reading);
                continue;
            }
            // First refusal: copy what was fine so far (most batches never get here and allocate nothing).
            registered ??= [.. readings.Take(i)];
            (unregistered ??= []).Add(reading);
            (errors ??= []).Add(error);
        }
        if (unregistered is null)
            return new(batch, null, []);
        return new(batch with { Readings = registered }, batch with { Readings = unregistered }, errors!);
    }

    private static ValidationError? Problem(RegistryDevice device, Reading reading, int index)
    {
        foreach (var sensor in device.Sensors)
        {
            if (!string.Equals(sensor.Id, reading.Sensor, StringComparison.Ordinal))
                continue;
            if (sensor.Quantities.Contains(reading.Quantity!, StringComparer.Ordinal))
                return null;
            return new(RejectionCodes.UnregisteredQuantity,
                $"readings[{index}]: sensor '{reading.Sensor}' of device '{device.Id}' is registered for {string.Join(", ", sensor.Quantities)}, not '{reading.Quantity}'");
        }
        return new(RejectionCodes.UnregisteredSensor,
            $"readings[{index}]: sensor '{reading.Sensor}' is not registered for device '{device.Id}' (registered: {string.Join(", ", device.Sensors.Select(s => s.Id))})");
    }
}
