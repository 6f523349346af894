using System.Device.I2c;
using Iot.Device.Ccs811;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Ccs811;

/// <summary>
/// ScioSense/ams CCS811 metal-oxide gas sensor (I2C 0x5A, 0x5B with ADDR high) through
/// Iot.Device.Bindings' <see cref="Ccs811Sensor"/>, in constant-power mode 1 (a sample a second).
/// TVOC comes in ppb and is converted to mg/m³ as toluene equivalent (the reference GB/T 18883
/// quantifies TVOC against): mg/m³ = ppb × M / 24.45 / 1000 at 25 °C and 101.325 kPa.
/// eCO2 is the chip's estimate from the same reading, not an NDIR measurement.
/// </summary>
public sealed class Ccs811Driver : ISensorDriver, IDisposable
{
    public const double TolueneMolarMass = 92.14;
    public const double MolarVolumeLitres = 24.45;

    private readonly Ccs811Sensor _sensor;
    private readonly I2cDevice _device;
    private readonly double _molarMass;
    private readonly LinearCalibration _tvoc;
    private readonly LinearCalibration _co2;

    public Ccs811Driver(SensorOptions options, IHardware hardware)
        : this(options, OpenI2c(options, hardware))
    {
    }

    public Ccs811Driver(SensorOptions options, I2cDevice device)
    {
        SensorId = options.Id;
        _molarMass = options.GetDouble("tvocMolarMass", TolueneMolarMass);
        _tvoc = LinearCalibration.From(options, QuantityCatalogue.Tvoc.Name);
        _co2 = LinearCalibration.From(options, QuantityCatalogue.Co2.Name);
        // The binding resets the chip, checks HW_ID 0x81 and starts the application firmware;
        // its IOException names what it found. After reset the chip is idle until a mode is set.
        _device = device;
        _sensor = new Ccs811Sensor(device, gpioController: null, shouldDispose: true);
        _sensor.OperationMode = OperationMode.ConstantPower1Second;
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Tvoc.Name, QuantityCatalogue.Co2.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        if (!_sensor.TryReadGasData(out var eco2, out var tvoc))
            throw new IOException($"CCS811 reports no valid data (error register: {_sensor.Error}); it needs 20 min of warm-up after power-on");
        var mg = tvoc.PartsPerBillion * _molarMass / MolarVolumeLitres / 1000;
        return
        [
            new SensorValue(QuantityCatalogue.Tvoc.Name, Math.Max(0, Math.Round(_tvoc.Apply(mg), 4))),
            new SensorValue(QuantityCatalogue.Co2.Name, Math.Max(0, Math.Round(_co2.Apply(eco2.PartsPerMillion), 1))),
        ];
    }

    public void Dispose()
    {
        // The binding disposes only a GPIO controller it created, never the I2C device.
        _sensor.Dispose();
        _device.Dispose();
    }

    private static I2cDevice OpenI2c(SensorOptions options, IHardware hardware)
    {
        var (bus, address) = options.GetI2c(Ccs811Sensor.I2cFirstAddress);
        return hardware.OpenI2c(bus, address);
    }
}
