using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>Builds the driver a sensor's <c>Driver</c> names. Simulated twins carry the <c>sim-</c> prefix.</summary>
public static class DriverFactory
{
    public static IReadOnlyList<string> Known { get; } =
        ["sim-energy-meter", "sim-voc", "sim-fire-detector", "sim-heat", "sim-air-quality", "sim-gas", "sim-environment"];

    /// <summary>A simulated twin, or with <paramref name="hardware"/> a real driver (see <see cref="HardwareDrivers"/>).</summary>
    public static ISensorDriver Create(SensorOptions sensor, HardwareContext? hardware, params string[] seedScope) =>
        hardware is not null && HardwareDrivers.IsKnown(sensor.Driver)
            ? HardwareDrivers.Create(sensor, hardware)
            : Create(sensor, seedScope);

    /// <param name="sensor">The sensor's options.</param>
    /// <param name="seedScope">Names that make the seed unique to this sensor (park, enterprise, device).</param>
    public static ISensorDriver Create(SensorOptions sensor, params string[] seedScope)
    {
        var baseSeed = (int)sensor.GetDouble("seed", 1);
        var seed = SeededNoise.SeedFor(baseSeed, [.. seedScope, sensor.Id]);
        return sensor.Driver switch
        {
            "sim-energy-meter" => new SimulatedEnergyMeter(sensor, seed),
            "sim-voc" => new SimulatedVocSensor(sensor, seed),
            "sim-fire-detector" => new SimulatedFireDetector(sensor),
            "sim-heat" => new SimulatedHeatSensor(sensor, seed),
            "sim-air-quality" => new SimulatedAirQualitySensor(sensor, seed),
            "sim-gas" => new SimulatedGasDetector(sensor, seed),
            "sim-environment" => new SimulatedEnvironmentSensor(sensor, seed),
            _ when EnergyDrivers.Handles(sensor.Driver) => EnergyDrivers.Create(sensor),
            _ => throw new ArgumentException($"Sensor '{sensor.Id}': {UnknownDriver(sensor.Driver)}", nameof(sensor)),
        };
    }

    /// <summary>
    /// What is wrong with a sensor's driver name and settings, without opening any hardware
    /// (<c>edgeagent check-config</c>). Simulated drivers take defaults for everything.
    /// </summary>
    public static IReadOnlyList<string> Validate(SensorOptions sensor)
    {
        if (Known.Contains(sensor.Driver))
            return [];
        if (EnergyDrivers.Handles(sensor.Driver))
            return EnergyDrivers.Validate(sensor);
        if (HardwareDrivers.IsKnown(sensor.Driver))
            return HardwareDrivers.Validate(sensor);
        return [UnknownDriver(sensor.Driver)];
    }

    private static string UnknownDriver(string driver) =>
        $"unknown driver '{driver}' (known: {string.Join(", ", [.. Known, .. HardwareDrivers.Known, .. EnergyDrivers.Known])})";
}
