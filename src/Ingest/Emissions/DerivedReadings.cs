using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.Ingest.Emissions;

/// <summary>
/// Adds to an accepted batch the readings <see cref="EmissionDerivation"/> derives from it
/// (<c>nox_converted</c>, <c>nox_rate</c>, <c>cod_rate</c>…), with each sensor's emission settings
/// from the registry in force. The derived readings then take the path of every reading: the alert
/// engine judges them, they are stored (measurement = the derived quantity, the source's tags) and
/// rolled up. On the hot path: a batch with no pollutant (power, temperature, most of the park's
/// traffic) costs one catalogue look-up per reading and allocates nothing.
/// </summary>
public static class DerivedReadings
{
    /// <summary>The batch with its derived readings appended, or the same batch when nothing derives.</summary>
    /// <param name="batch">An accepted batch: every reading valid and of a registered quantity.</param>
    /// <param name="device">The device as the registry in force has it; null without a registry (every
    /// sensor then dry, standard flow, no reference oxygen: rates only).</param>
    public static TelemetryBatch Append(TelemetryBatch batch, RegistryDevice? device) =>
        EmissionDerivation.MayDerive(batch.Readings!) ? WithDerived(batch, device) : batch;

    /// <summary>Apart from <see cref="Append"/> so the closure over <paramref name="device"/> is only allocated
    /// when something may derive (a captured parameter's closure is created on entry to its method).</summary>
    private static TelemetryBatch WithDerived(TelemetryBatch batch, RegistryDevice? device)
    {
        var readings = batch.Readings!;
        var derived = EmissionDerivation.Derive(readings, sensor => SettingsOf(device, sensor));
        if (derived.Count == 0)
            return batch;
        var all = new List<Reading>(readings.Count + derived.Count);
        all.AddRange(readings);
        all.AddRange(derived);
        return batch with { Readings = all };
    }

    /// <summary>A device has a handful of sensors: a linear scan beats building a dictionary per batch.</summary>
    private static EmissionSettings? SettingsOf(RegistryDevice? device, string sensor)
    {
        if (device is null)
            return null;
        foreach (var s in device.Sensors)
        {
            if (s.Id == sensor)
                return s.Emission;
        }
        return null;
    }
}
