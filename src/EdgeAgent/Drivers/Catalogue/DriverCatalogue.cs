using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.AnalogTransmitter;
using SmartPark.EdgeAgent.Drivers.Bme680;
using SmartPark.EdgeAgent.Drivers.Ccs811;
using SmartPark.EdgeAgent.Drivers.Ds18b20;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.EdgeAgent.Drivers.Energy.Dtsu666;
using SmartPark.EdgeAgent.Drivers.Energy.FlowMeter;
using SmartPark.EdgeAgent.Drivers.Energy.Ina219;
using SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm120;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm630;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.GpioDetector;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Max31856;
using SmartPark.EdgeAgent.Drivers.Mhz19b;
using SmartPark.EdgeAgent.Drivers.Mlx90614;
using SmartPark.EdgeAgent.Drivers.ModbusMap;
using SmartPark.EdgeAgent.Drivers.MqGas;
using SmartPark.EdgeAgent.Drivers.Pms5003;
using SmartPark.EdgeAgent.Drivers.Scd4x;
using SmartPark.EdgeAgent.Drivers.Sht3x;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.EdgeAgent.Drivers.Catalogue;

/// <summary>
/// The one list of drivers. Opening a sensor, knowing its quantities before it opens, checking
/// its settings (start-up and <c>check-config</c>), naming the parts at an I2C address
/// (<c>probe</c>) and the simulator's twins all read this list; a new driver is one descriptor
/// in its own folder and one line here.
/// </summary>
public static class DriverCatalogue
{
    public static IReadOnlyList<DriverDescriptor> All { get; } =
    [
        .. SimulatedDrivers.All,
        Ccs811Descriptor.Descriptor,
        Bme680Descriptor.Descriptor,
        Scd4xDescriptor.Descriptor,
        Mhz19bDescriptor.Descriptor,
        Pms5003Descriptor.Descriptor,
        AnalogTransmitterDescriptor.Descriptor,
        MqGasDescriptor.Descriptor,
        Ds18b20Descriptor.Descriptor,
        Mlx90614Descriptor.Descriptor,
        Max31856Descriptor.Descriptor,
        Sht3xDescriptor.Descriptor,
        GpioDetectorDescriptor.Smoke,
        GpioDetectorDescriptor.Flame,
        Sdm120Descriptor.Descriptor,
        Sdm630Descriptor.Descriptor,
        Dtsu666Descriptor.Descriptor,
        Dlt645Descriptor.Descriptor,
        Ina219Descriptor.Descriptor,
        PulseMeterDescriptor.Descriptor,
        FlowMeterDescriptor.Descriptor,
        ModbusMapDescriptor.Descriptor,
    ];

    private static readonly Dictionary<string, DriverDescriptor> ByName =
        All.SelectMany(d => d.Names.Select(n => (Name: n, Descriptor: d))).ToDictionary(x => x.Name, x => x.Descriptor, StringComparer.Ordinal);

    /// <summary>Every configuration name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static DriverDescriptor? Find(string driver) => ByName.GetValueOrDefault(driver);

    /// <summary>What the sensor's driver yields, known without opening it.</summary>
    public static IReadOnlyList<string> QuantitiesOf(SensorOptions sensor) => Require(sensor).Quantities(sensor);

    /// <summary>
    /// Every problem with a sensor's driver name and settings, without opening its hardware, each
    /// starting with <c>Settings:KEY</c> where it concerns one key. A real driver with settings
    /// the schema accepts is also built against silent buses, so its own checks (a thermocouple
    /// type, a calibration point) speak too.
    /// </summary>
    public static IReadOnlyList<string> Problems(SensorOptions sensor)
    {
        if (Find(sensor.Driver) is not { } descriptor)
            return [UnknownDriver(sensor.Driver)];
        var problems = new List<string>(SettingsAndMapProblems(descriptor, sensor));
        if (problems.Count == 0)
            problems.AddRange(descriptor.Rules(sensor));
        if (problems.Count == 0 && descriptor.Kind == DriverKind.Hardware)
            problems.AddRange(DryRun(descriptor, sensor));
        return problems;
    }

    /// <summary>
    /// Opens the sensor's driver, unwrapped. Settings problems throw one <see cref="ArgumentException"/>
    /// that lists them all with the sensor's name; a missing bus throws what the bus threw.
    /// </summary>
    public static ISensorDriver Open(SensorOptions sensor, DriverContext context)
    {
        var descriptor = Require(sensor);
        var problems = SettingsAndMapProblems(descriptor, sensor).ToList();
        if (problems.Count == 0)
            problems.AddRange(descriptor.Rules(sensor));
        if (problems.Count > 0)
            throw new ArgumentException($"Sensor '{sensor.Id}' ({sensor.Driver}): {string.Join("; ", problems)}", nameof(sensor));
        return descriptor.Open(sensor, context);
    }

    /// <summary>The parts of ours that answer at an I2C address, each with the drivers that read it.</summary>
    public static IReadOnlyList<string> I2cPartsAt(int address) =>
        [.. All.SelectMany(d => d.I2cAddresses.Where(a => a.Address == address).Select(a => (a.Part, Name: d.Names[0])))
            .GroupBy(x => x.Part)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Name).Distinct())}")];

    /// <summary>Every I2C address some driver's chip answers at, ascending.</summary>
    public static IReadOnlyList<int> I2cAddresses { get; } =
        [.. All.SelectMany(d => d.I2cAddresses).Select(a => a.Address).Distinct().Order()];

    /// <summary>The schema's problems and the register map's, together, so an installer sees them all at once.</summary>
    private static IEnumerable<string> SettingsAndMapProblems(DriverDescriptor descriptor, SensorOptions sensor)
    {
        var problems = descriptor.Settings.Problems(sensor, descriptor.Quantities(sensor));
        if (descriptor.Map is { } map)
            return problems.Concat(map(sensor));
        return sensor.Map.Count == 0 ? problems
            : problems.Append($"Map: {sensor.Driver} reads no register map (only {string.Join(", ", All.Where(d => d.Map is not null).SelectMany(d => d.Names))} do); remove it");
    }

    public static string UnknownDriver(string driver) =>
        $"unknown driver '{driver}' (known: {string.Join(", ", Names)})";

    private static DriverDescriptor Require(SensorOptions sensor) =>
        Find(sensor.Driver) ?? throw new ArgumentException($"Sensor '{sensor.Id}': {UnknownDriver(sensor.Driver)}", nameof(sensor));

    /// <summary>Builds a real driver against silent buses: only its settings checks can fail, with their message.</summary>
    private static IReadOnlyList<string> DryRun(DriverDescriptor descriptor, SensorOptions sensor)
    {
        var hardware = new DryRunHardware();
        var alarmOptions = new FireAlarmOptions();
        var context = new DriverContext(new HardwareContext(hardware,
            new LocalFireAlarm(alarmOptions, [], hardware, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance),
            alarmOptions, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance), []);
        try
        {
            (descriptor.Open(sensor, context) as IDisposable)?.Dispose();
            return [];
        }
        catch (ArgumentException ex)
        {
            return [WithoutSensorPrefix(ex.Message, sensor)];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or TimeoutException or InvalidOperationException or NotSupportedException)
        {
            // The silent bus, not the settings: a chip id of 0, no answer. Settings were read first.
            return [];
        }
    }

    /// <summary>The caller names the sensor already; a message starting with <c>Settings:KEY</c> lets check-config find its line.</summary>
    private static string WithoutSensorPrefix(string message, SensorOptions sensor)
    {
        foreach (var prefix in new[] { $"Sensor '{sensor.Id}' ({sensor.Driver}): ", $"Sensor '{sensor.Id}': " })
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
                return message[prefix.Length..];
        }
        return message;
    }
}
