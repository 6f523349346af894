using System.Device.I2c;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Scd4x;

namespace SmartPark.EdgeAgent.Drivers.Sht3x;

/// <summary>
/// Sensirion SHT30/SHT31 temperature and humidity sensor on I2C (0x44, or 0x45 with ADDR high).
/// Each read is one single-shot measurement at high repeatability without clock stretching
/// (command 0x2400): the driver waits out the datasheet's 15 ms measurement time, then reads six
/// bytes, temperature and humidity words each followed by their CRC-8 (Sensirion's polynomial
/// 0x31, init 0xFF), which is checked. T = −45 + 175 × raw / 65535 °C; RH = 100 × raw / 65535 %.
/// Single-shot rather than periodic mode: the sensor idles between reads and does not warm itself.
/// </summary>
public sealed class Sht3xDriver : ISensorDriver, IDisposable
{
    public const int DefaultAddress = 0x44;
    public const int AlternateAddress = 0x45;
    public const ushort SingleShotHighRepeatability = 0x2400;

    /// <summary>The datasheet's longest high-repeatability measurement (15 ms) and a margin.</summary>
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(16);

    private readonly I2cDevice _device;
    private readonly LinearCalibration _temperature;
    private readonly LinearCalibration _humidity;

    public Sht3xDriver(SensorOptions options, IHardware hardware)
        : this(options, OpenI2c(options, hardware))
    {
    }

    public Sht3xDriver(SensorOptions options, I2cDevice device)
    {
        SensorId = options.Id;
        _temperature = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);
        _humidity = LinearCalibration.From(options, QuantityCatalogue.Humidity.Name);
        _device = device;
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        _device.Write([SingleShotHighRepeatability >> 8, SingleShotHighRepeatability & 0xFF]);
        // Without clock stretching the sensor NACKs a read until the measurement is done.
        Thread.Sleep(MeasurementTime);
        Span<byte> reply = stackalloc byte[6];
        _device.Read(reply);
        var rawTemperature = Word(reply, 0, "temperature");
        var rawHumidity = Word(reply, 1, "humidity");
        var celsius = -45 + (175.0 * rawTemperature / 65535);
        var percent = 100.0 * rawHumidity / 65535;
        return
        [
            new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_temperature.Apply(celsius), 2)),
            new SensorValue(QuantityCatalogue.Humidity.Name, Math.Clamp(Math.Round(_humidity.Apply(percent), 2), 0, 100)),
        ];
    }

    public void Dispose() => _device.Dispose();

    private static I2cDevice OpenI2c(SensorOptions options, IHardware hardware)
    {
        var (bus, address) = options.GetI2c(DefaultAddress);
        return hardware.OpenI2c(bus, address);
    }

    private static ushort Word(ReadOnlySpan<byte> reply, int index, string what)
    {
        var (msb, lsb, crc) = (reply[3 * index], reply[(3 * index) + 1], reply[(3 * index) + 2]);
        var expected = SensirionCrc.Compute(msb, lsb);
        if (crc != expected)
            throw new InvalidDataException($"SHT3x {what} word: CRC 0x{crc:X2} should be 0x{expected:X2} ({Convert.ToHexString(reply)})");
        return (ushort)((msb << 8) | lsb);
    }
}
