using System.Device.I2c;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Bme680;

/// <summary>
/// Bosch BME680 (I2C 0x76, 0x77 with SDO high) through Iot.Device.Bindings' <c>Bme680</c>:
/// temperature (°C), relative humidity (%RH), pressure (hPa) and the heated metal-oxide
/// layer's gas resistance (kΩ). Resistance falls as VOCs rise; Bosch's BSEC library, which turns
/// it into an air-quality index, is closed source and not used, so the raw resistance is
/// reported and trends are judged on the server.
/// </summary>
public sealed class Bme680Driver : ISensorDriver, IDisposable
{
    private readonly Iot.Device.Bmxx80.Bme680 _sensor;
    private readonly I2cDevice _device;
    private readonly LinearCalibration _temperature;
    private readonly LinearCalibration _humidity;
    private readonly LinearCalibration _pressure;
    private readonly LinearCalibration _gas;

    public Bme680Driver(SensorOptions options, IHardware hardware)
        : this(options, OpenI2c(options, hardware))
    {
    }

    public Bme680Driver(SensorOptions options, I2cDevice device)
    {
        SensorId = options.Id;
        _temperature = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);
        _humidity = LinearCalibration.From(options, QuantityCatalogue.Humidity.Name);
        _pressure = LinearCalibration.From(options, QuantityCatalogue.Pressure.Name);
        _gas = LinearCalibration.From(options, QuantityCatalogue.GasResistance.Name);
        _device = device;
        // The binding checks chip id 0x61 at register 0xD0 and reads the calibration block;
        // on a wrong chip its IOException says which id it found.
        _sensor = new Iot.Device.Bmxx80.Bme680(device);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
    [
        QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name,
        QuantityCatalogue.Pressure.Name, QuantityCatalogue.GasResistance.Name,
    ];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var result = _sensor.Read();
        if (result.Temperature is not { } t || result.Humidity is not { } h || result.Pressure is not { } p || result.GasResistance is not { } g)
            throw new IOException("BME680 returned an incomplete measurement (heater not stable yet, or a skipped channel)");
        return
        [
            new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_temperature.Apply(t.DegreesCelsius), 2)),
            new SensorValue(QuantityCatalogue.Humidity.Name, Math.Clamp(Math.Round(_humidity.Apply(h.Percent), 2), 0, 100)),
            new SensorValue(QuantityCatalogue.Pressure.Name, Math.Round(_pressure.Apply(p.Hectopascals), 2)),
            new SensorValue(QuantityCatalogue.GasResistance.Name, Math.Max(0, Math.Round(_gas.Apply(g.Kiloohms), 3))),
        ];
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _device.Dispose();
    }

    private static I2cDevice OpenI2c(SensorOptions options, IHardware hardware)
    {
        var (bus, address) = options.GetI2c(Iot.Device.Bmxx80.Bme680.DefaultI2cAddress);
        return hardware.OpenI2c(bus, address);
    }
}
