using System.Globalization;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.EdgeAgent.Drivers.Energy.Ina219;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Energy;

/// <summary>
/// The energy drivers: Modbus meters (SDM120, SDM630, DTSU666), DL/T 645 meters and the INA219.
/// Each sensor's settings are parsed once by <see cref="Plan"/>, which lists every problem
/// (for <c>edgeagent check-config</c>) without touching hardware; <see cref="Create"/> then opens it.
/// </summary>
public static class EnergyDrivers
{
    public static IReadOnlyList<string> Known { get; } =
        [Sdm120.Sdm120.DriverName, Sdm630.Sdm630.DriverName, Dtsu666.Dtsu666.DriverName, Dlt645MeterDriver.DriverName, Ina219Driver.DriverName];

    public static bool Handles(string driver) => Known.Contains(driver);

    /// <summary>Problems with the sensor's settings, each prefixed by nothing: the caller adds the location.</summary>
    public static IReadOnlyList<string> Validate(SensorOptions sensor)
    {
        var problems = new List<string>();
        _ = Plan(sensor, problems);
        return problems;
    }

    public static ISensorDriver Create(SensorOptions sensor)
    {
        var problems = new List<string>();
        var open = Plan(sensor, problems);
        if (problems.Count > 0)
            throw new ArgumentException($"Sensor '{sensor.Id}' ({sensor.Driver}): {string.Join("; ", problems)}", nameof(sensor));
        return open();
    }

    /// <summary>Parses the settings into <paramref name="problems"/> and returns what opens the driver.</summary>
    private static Func<ISensorDriver> Plan(SensorOptions sensor, List<string> problems)
    {
        switch (sensor.Driver)
        {
            case Sdm120.Sdm120.DriverName:
                return ModbusMeter(sensor, Sdm120.Sdm120.Map, Sdm120.Sdm120.DefaultBaud, "8N1", problems);
            case Sdm630.Sdm630.DriverName:
                return ModbusMeter(sensor, Sdm630.Sdm630.Map, Sdm630.Sdm630.DefaultBaud, "8N1", problems);
            case Dtsu666.Dtsu666.DriverName:
                var pt = ModbusMeterSettings.ParsePositive(sensor, "ptRatio", 1, problems);
                var ct = ModbusMeterSettings.ParsePositive(sensor, "ctRatio", 1, problems);
                return ModbusMeter(sensor, Dtsu666.Dtsu666.Map(pt, ct), Dtsu666.Dtsu666.DefaultBaud, Dtsu666.Dtsu666.DefaultFormat, problems);
            case Dlt645MeterDriver.DriverName:
                return Dlt645Meter(sensor, problems);
            case Ina219Driver.DriverName:
                return Ina219(sensor, problems);
            default:
                problems.Add($"'{sensor.Driver}' is not an energy driver");
                return () => throw new InvalidOperationException("not an energy driver");
        }
    }

    private static Func<ISensorDriver> ModbusMeter(SensorOptions sensor, MeterRegisterMap map, int baud, string format, List<string> problems)
    {
        var settings = ModbusMeterSettings.Parse(sensor, baud, format, problems);
        var calibration = MeterCalibration.Parse(sensor, map.Quantities, problems);
        return () => new ModbusMeterDriver(sensor.Id, settings.Endpoint.Acquire(), settings.Unit, map, calibration);
    }

    private static Func<ISensorDriver> Dlt645Meter(SensorOptions sensor, List<string> problems)
    {
        var serial = SerialSettings.Parse(sensor, Dlt645MeterDriver.DefaultBaud, Dlt645MeterDriver.DefaultFormat, problems);
        var address = sensor.GetString("address", Dlt645Frame.Wildcard).ToUpperInvariant();
        try
        {
            Dlt645Frame.EncodeAddress(address);
        }
        catch (ArgumentException ex)
        {
            problems.Add("Settings:address: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
        var timeoutMs = ModbusMeterSettings.ParseInt(sensor, "timeoutMs", 1000, 50, 30_000, problems);
        var calibration = MeterCalibration.Parse(sensor, Dlt645MeterDriver.QuantityNames, problems);
        return () => new Dlt645MeterDriver(sensor.Id,
            SharedBus<Dlt645Client>.Acquire(serial.Port, () => new Dlt645Client(SerialPortLine.Open(serial), TimeSpan.FromMilliseconds(timeoutMs))),
            address, calibration);
    }

    private static Func<ISensorDriver> Ina219(SensorOptions sensor, List<string> problems)
    {
        var bus = ModbusMeterSettings.ParseInt(sensor, "bus", 1, 0, 255, problems);
        var address = Ina219Driver.DefaultAddress;
        if (sensor.Settings.TryGetValue("address", out var text))
        {
            var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out address) || address is < 0x40 or > 0x4F)
                problems.Add($"Settings:address '{text}' is not an INA219 address (0x40..0x4F, set by pins A0/A1)");
        }
        var shunt = ModbusMeterSettings.ParsePositive(sensor, "shuntOhms", 0.1, problems);
        var maxCurrent = ModbusMeterSettings.ParsePositive(sensor, "maxCurrentA", 3.2, problems);
        try
        {
            Ina219Driver.CalibrationFor(shunt, maxCurrent);
        }
        catch (ArgumentOutOfRangeException)
        {
            problems.Add($"Settings:shuntOhms {shunt} with maxCurrentA {maxCurrent} does not fit the INA219's calibration register");
        }
        var calibration = MeterCalibration.Parse(sensor, Ina219Driver.QuantityNames, problems);
        return () => new Ina219Driver(sensor.Id, I2cDeviceOpener.Open(bus, address), shunt, maxCurrent, calibration);
    }
}
