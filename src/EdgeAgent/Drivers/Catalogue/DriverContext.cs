using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.EdgeAgent.Drivers.Catalogue;

/// <summary>
/// What a driver may need to open: the device's buses (real drivers) or the names that make a
/// simulated twin's random seed unique to it (park, enterprise, device).
/// </summary>
public sealed class DriverContext(HardwareContext? hardware, IReadOnlyList<string> seedScope)
{
    public static DriverContext Simulation(params string[] seedScope) => new(null, seedScope);

    public bool HasHardware => hardware is not null;

    /// <summary>The buses; only an agent on its device has them (the park simulator does not).</summary>
    public HardwareContext Hardware => hardware
        ?? throw new InvalidOperationException("this driver reads real hardware: it runs in the edge agent on its device, not in a simulation");

    /// <summary>The twin's seed: the sensor's <c>seed</c> setting mixed with the scope and the sensor id.</summary>
    public int SeedFor(SensorOptions sensor) => SeededNoise.SeedFor((int)sensor.GetDouble("seed", 1), [.. seedScope, sensor.Id]);
}
