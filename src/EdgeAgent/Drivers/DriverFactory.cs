using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// Builds the driver a sensor's <c>Driver</c> names, from <see cref="DriverCatalogue"/>. What the
/// agent runs comes behind its <see cref="ResilientDriver"/>; simulated twins (<c>sim-</c>) can
/// also be built bare, for the park simulator and tests.
/// </summary>
public static class DriverFactory
{
    /// <summary>The simulated twins' names: what a park file may use.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. DriverCatalogue.All.Where(d => d.Kind == DriverKind.Simulated).SelectMany(d => d.Names)];

    /// <summary>The sensor's driver as the agent runs it: behind its <see cref="ResilientDriver"/>, opened now.</summary>
    /// <param name="sensor">The sensor's options.</param>
    /// <param name="hardware">The device's buses; null where there are none (a simulation).</param>
    /// <param name="seedScope">Names that make a twin's seed unique to this sensor (park, enterprise, device).</param>
    public static ISensorDriver Create(SensorOptions sensor, HardwareContext? hardware, params string[] seedScope) =>
        Resilient(sensor, new DriverContext(hardware, seedScope), hardware?.Time ?? TimeProvider.System,
            hardware?.Loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>The sensor's driver, bare: a settings mistake or a missing device throws.</summary>
    /// <param name="sensor">The sensor's options.</param>
    /// <param name="seedScope">Names that make the seed unique to this sensor (park, enterprise, device).</param>
    public static ISensorDriver Create(SensorOptions sensor, params string[] seedScope) =>
        DriverCatalogue.Open(sensor, DriverContext.Simulation(seedScope));

    /// <summary>
    /// Wraps the sensor in the one resilience policy. A settings mistake throws now, so the agent
    /// stops at start-up with every problem listed; a missing device only makes the sensor report
    /// D until it appears. A temperature sensor the local fire alarm watches is tapped for it.
    /// </summary>
    public static ISensorDriver Resilient(SensorOptions sensor, DriverContext context, TimeProvider time, ILoggerFactory loggers)
    {
        var resilient = new ResilientDriver(sensor.Id, DriverCatalogue.QuantitiesOf(sensor), () => DriverCatalogue.Open(sensor, context), time,
            loggers.CreateLogger("SmartPark.EdgeAgent.Sensor." + sensor.Id));
        resilient.OpenNow();
        return context.HasHardware && context.Hardware.FireAlarmOptions.Watches(sensor.Id)
            ? new HeatAlarmTap(resilient, context.Hardware.FireAlarm)
            : resilient;
    }

    /// <summary>What is wrong with a sensor's driver name and settings, without opening any hardware (<c>check-config</c>).</summary>
    public static IReadOnlyList<string> Validate(SensorOptions sensor) => DriverCatalogue.Problems(sensor);
}
