using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.AnalogTransmitter;
using SmartPark.EdgeAgent.Drivers.Bme680;
using SmartPark.EdgeAgent.Drivers.Ccs811;
using SmartPark.EdgeAgent.Drivers.Ds18b20;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.GpioDetector;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Max31856;
using SmartPark.EdgeAgent.Drivers.Mhz19b;
using SmartPark.EdgeAgent.Drivers.Mlx90614;
using SmartPark.EdgeAgent.Drivers.MqGas;
using SmartPark.EdgeAgent.Drivers.Pms5003;
using SmartPark.EdgeAgent.Drivers.Scd4x;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// The real sensor drivers by their configuration name. Each comes wrapped in a
/// <see cref="ResilientDriver"/>: a sensor that is missing or broken reports flag D and is
/// retried, and the agent keeps running the others. Settings errors throw at start-up.
/// </summary>
public static class HardwareDrivers
{
    private static readonly Dictionary<string, Func<SensorOptions, HardwareContext, ISensorDriver>> Open = new(StringComparer.Ordinal)
    {
        ["ccs811"] = (s, c) => new Ccs811Driver(s, c.Hardware),
        ["bme680"] = (s, c) => new Bme680Driver(s, c.Hardware),
        ["ads1115-transmitter"] = (s, c) => new AnalogTransmitterDriver(s, c.Hardware),
        ["mq-gas"] = (s, c) => new MqGasDriver(s, c.Hardware),
        ["mhz19b"] = (s, c) => new Mhz19bDriver(s, c.Hardware),
        ["scd4x"] = (s, c) => new Scd4xDriver(s, c.Hardware),
        ["pms5003"] = (s, c) => new Pms5003Driver(s, c.Hardware),
        ["pms7003"] = (s, c) => new Pms5003Driver(s, c.Hardware),
        ["ds18b20"] = (s, c) => new Ds18b20Driver(s, c.Hardware),
        ["mlx90614"] = (s, c) => new Mlx90614Driver(s, c.Hardware),
        ["max31856"] = (s, c) => new Max31856Driver(s, c.Hardware),
        [GpioDetectorDriver.SmokeDriver] = (s, c) => new GpioDetectorDriver(FireDetectorInput.From(s), c.FireAlarm),
        [GpioDetectorDriver.FlameDriver] = (s, c) => new GpioDetectorDriver(FireDetectorInput.From(s), c.FireAlarm),
    };

    public static IReadOnlyList<string> Known { get; } = [.. Open.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string driver) => Open.ContainsKey(driver);

    /// <summary>What a driver yields, known without opening it, so a broken sensor still reports each quantity with D.</summary>
    public static IReadOnlyList<string> QuantitiesOf(SensorOptions sensor) => sensor.Driver switch
    {
        "ccs811" => [QuantityCatalogue.Tvoc.Name, QuantityCatalogue.Co2.Name],
        "bme680" => [QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name, QuantityCatalogue.Pressure.Name, QuantityCatalogue.GasResistance.Name],
        "ads1115-transmitter" => [sensor.GetString("quantity", QuantityCatalogue.Nmhc.Name)],
        "mq-gas" => [QuantityCatalogue.GasLel.Name],
        "mhz19b" => [QuantityCatalogue.Co2.Name],
        "scd4x" => [QuantityCatalogue.Co2.Name, QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name],
        "pms5003" or "pms7003" => [QuantityCatalogue.Pm25.Name, QuantityCatalogue.Pm10.Name],
        "ds18b20" or "mlx90614" or "max31856" => [QuantityCatalogue.Temperature.Name],
        GpioDetectorDriver.SmokeDriver => [QuantityCatalogue.Smoke.Name],
        GpioDetectorDriver.FlameDriver => [QuantityCatalogue.Flame.Name],
        _ => throw new ArgumentException($"Sensor '{sensor.Id}': unknown driver '{sensor.Driver}'"),
    };

    /// <summary>
    /// What is wrong with a real sensor's settings, without opening any hardware
    /// (<c>edgeagent check-config</c>): the driver is built against <see cref="DryRunHardware"/>,
    /// whose buses answer nothing, so only its settings checks can fail with their message.
    /// </summary>
    public static IReadOnlyList<string> Validate(SensorOptions sensor)
    {
        if (!Open.TryGetValue(sensor.Driver, out var open))
            return [$"unknown driver '{sensor.Driver}' (known: {string.Join(", ", Known)})"];
        var hardware = new DryRunHardware();
        var context = new HardwareContext(hardware,
            new LocalFireAlarm(new FireAlarmOptions(), [], hardware, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance),
            new FireAlarmOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        try
        {
            (open(sensor, context) as IDisposable)?.Dispose();
            return [];
        }
        catch (ArgumentException ex)
        {
            return [ex.Message];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or TimeoutException or InvalidOperationException or NotSupportedException)
        {
            // The silent bus, not the settings: a chip id of 0, no answer. Settings were read first.
            return [];
        }
    }

    public static ISensorDriver Create(SensorOptions sensor, HardwareContext context)
    {
        if (!Open.TryGetValue(sensor.Driver, out var open))
            throw new ArgumentException($"Sensor '{sensor.Id}': unknown driver '{sensor.Driver}' (known: {string.Join(", ", Known)})", nameof(sensor));
        var resilient = new ResilientDriver(sensor.Id, QuantitiesOf(sensor), () => open(sensor, context), context.Time,
            context.Loggers.CreateLogger("SmartPark.EdgeAgent.Sensor." + sensor.Id));
        // Open now: a settings mistake stops the agent with its message; a missing bus only
        // makes this sensor report D until it appears.
        resilient.OpenNow();
        return context.FireAlarmOptions.HeatSensors.Contains(sensor.Id)
            ? new HeatAlarmTap(resilient, context.FireAlarm)
            : resilient;
    }
}
