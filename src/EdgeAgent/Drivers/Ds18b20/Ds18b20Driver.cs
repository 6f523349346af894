using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Ds18b20;

/// <summary>
/// A DS18B20 heat sensor on the 1-Wire bus (GPIO4 with the w1-gpio overlay). Reports temperature
/// in °C. Listed in <c>FireAlarm:HeatSensors</c> it also trips the local fire alarm at the
/// heat threshold.
/// </summary>
public sealed class Ds18b20Driver(SensorOptions options, IOneWireThermometer thermometer) : ISensorDriver
{
    private readonly LinearCalibration _calibration = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);

    public Ds18b20Driver(SensorOptions options, IHardware hardware)
        : this(options, new SysfsOneWireThermometer(hardware.OneWireDevices(), options.RequireString("deviceId")))
    {
    }

    public string SensorId { get; } = options.Id;

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Temperature.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
        [new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_calibration.Apply(thermometer.ReadCelsius()), 4))];
}
