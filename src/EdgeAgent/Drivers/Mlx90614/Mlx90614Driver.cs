using System.Device.I2c;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Mlx90614;

/// <summary>
/// Melexis MLX90614 infrared thermometer (SMBus, 0x5A), aimed at a hot spot: a motor, a
/// switchboard busbar, a dryer. It reads RAM register 0x07 (object temperature 1): a little-endian
/// word in units of 0.02 K, followed by an SMBus PEC (CRC-8, polynomial 0x07) over the address
/// and command bytes, which is checked. Bit 15 set is the sensor's error flag. Reports temperature in °C.
/// </summary>
public sealed class Mlx90614Driver : ISensorDriver, IDisposable
{
    public const int DefaultAddress = 0x5A;
    public const byte ObjectTemperature1 = 0x07;
    public const byte AmbientTemperature = 0x06;

    private readonly I2cDevice _device;
    private readonly LinearCalibration _calibration;
    private readonly byte _register;

    public Mlx90614Driver(SensorOptions options, IHardware hardware)
        : this(options, OpenI2c(options, hardware))
    {
    }

    public Mlx90614Driver(SensorOptions options, I2cDevice device)
    {
        SensorId = options.Id;
        _device = device;
        _calibration = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);
        _register = options.GetString("target", "object") == "ambient" ? AmbientTemperature : ObjectTemperature1;
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Temperature.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        Span<byte> answer = stackalloc byte[3];
        _device.WriteRead([_register], answer);
        var address = (byte)_device.ConnectionSettings.DeviceAddress;
        var pec = Pec([(byte)(address << 1), _register, (byte)((address << 1) | 1), answer[0], answer[1]]);
        if (pec != answer[2])
            throw new InvalidDataException($"MLX90614 at 0x{address:X2}: PEC 0x{answer[2]:X2} should be 0x{pec:X2} (noise on the bus; keep SDA/SCL short, ≤ 100 kHz)");
        var raw = answer[0] | (answer[1] << 8);
        if ((raw & 0x8000) != 0)
            throw new IOException($"MLX90614 at 0x{address:X2} flags an error (0x{raw:X4})");
        var kelvin = UnitsNet.Temperature.FromKelvins(raw * 0.02);
        return [new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_calibration.Apply(kelvin.DegreesCelsius), 2))];
    }

    public void Dispose() => _device.Dispose();

    /// <summary>SMBus packet error code: CRC-8, polynomial x⁸+x²+x+1, init 0.</summary>
    public static byte Pec(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
        }
        return crc;
    }

    private static I2cDevice OpenI2c(SensorOptions options, IHardware hardware)
    {
        var (bus, address) = options.GetI2c(DefaultAddress);
        return hardware.OpenI2c(bus, address);
    }
}
