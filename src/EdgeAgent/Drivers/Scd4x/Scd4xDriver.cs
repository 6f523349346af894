using System.Device.I2c;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Scd4x;

/// <summary>
/// Sensirion SCD40/SCD41 NDIR CO2 sensor (I2C 0x62) in periodic mode: one measurement every 5 s.
/// Commands are 16-bit words; every 16-bit word the sensor sends is followed by its CRC-8, which
/// is checked. Written here rather than with Iot.Device.Scd4x so a stale or CRC-broken frame is
/// an error with the bytes in it. Reports co2 (ppm), temperature (°C) and humidity (%RH).
/// </summary>
public sealed class Scd4xDriver : ISensorDriver, IDisposable
{
    public const int DefaultAddress = 0x62;
    public const ushort StartPeriodicMeasurement = 0x21B1;
    public const ushort StopPeriodicMeasurement = 0x3F86;
    public const ushort GetDataReadyStatus = 0xE4B8;
    public const ushort ReadMeasurement = 0xEC05;

    private readonly I2cDevice _device;
    private readonly LinearCalibration _co2;
    private readonly LinearCalibration _temperature;
    private readonly LinearCalibration _humidity;
    private IReadOnlyList<SensorValue>? _last;

    public Scd4xDriver(SensorOptions options, IHardware hardware)
        : this(options, OpenI2c(options, hardware))
    {
    }

    public Scd4xDriver(SensorOptions options, I2cDevice device)
    {
        SensorId = options.Id;
        _device = device;
        _co2 = LinearCalibration.From(options, QuantityCatalogue.Co2.Name);
        _temperature = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);
        _humidity = LinearCalibration.From(options, QuantityCatalogue.Humidity.Name);
        // A sensor left in periodic mode by an earlier run ignores the start command: stop first
        // (the datasheet asks for 500 ms after a stop before the next command).
        SendCommand(StopPeriodicMeasurement);
        Thread.Sleep(TimeSpan.FromMilliseconds(options.GetInt("stopWaitMs", 500)));
        SendCommand(StartPeriodicMeasurement);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.Co2.Name, QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        // Read faster than every 5 s and there is no new sample: report the previous one again.
        var ready = ReadWords(GetDataReadyStatus, 1)[0];
        if ((ready & 0x07FF) == 0)
            return _last ?? throw new IOException("SCD4x has no first measurement yet (it takes 5 s after start)");
        var words = ReadWords(ReadMeasurement, 3);
        var temperature = -45 + (175.0 * words[1] / 65535);
        var humidity = 100.0 * words[2] / 65535;
        _last =
        [
            new SensorValue(QuantityCatalogue.Co2.Name, Math.Max(0, Math.Round(_co2.Apply(words[0]), 1))),
            new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_temperature.Apply(temperature), 2)),
            new SensorValue(QuantityCatalogue.Humidity.Name, Math.Clamp(Math.Round(_humidity.Apply(humidity), 2), 0, 100)),
        ];
        return _last;
    }

    public void Dispose()
    {
        try
        {
            SendCommand(StopPeriodicMeasurement);
        }
        catch (IOException)
        {
            // The sensor is gone; nothing to stop.
        }
        _device.Dispose();
    }

    private static I2cDevice OpenI2c(SensorOptions options, IHardware hardware)
    {
        var (bus, address) = options.GetI2c(DefaultAddress);
        return hardware.OpenI2c(bus, address);
    }

    private void SendCommand(ushort command) => _device.Write([(byte)(command >> 8), (byte)command]);

    private ushort[] ReadWords(ushort command, int count)
    {
        SendCommand(command);
        // The datasheet's 1 ms execution time for both read commands.
        Thread.Sleep(1);
        var bytes = new byte[3 * count];
        _device.Read(bytes);
        var words = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            var (msb, lsb, crc) = (bytes[3 * i], bytes[(3 * i) + 1], bytes[(3 * i) + 2]);
            var expected = SensirionCrc.Compute(msb, lsb);
            if (crc != expected)
                throw new InvalidDataException($"SCD4x word {i} of command 0x{command:X4}: CRC 0x{crc:X2} should be 0x{expected:X2} ({Convert.ToHexString(bytes)})");
            words[i] = (ushort)((msb << 8) | lsb);
        }
        return words;
    }
}
