namespace SmartPark.EdgeAgent.Drivers.Ds18b20;

/// <summary>
/// One 1-Wire thermometer by its ID (e.g. <c>28-3c01d607d4a1</c>). Our own interface because
/// Iot.Device.OneWire reads fixed sysfs paths that no test can replace.
/// </summary>
public interface IOneWireThermometer
{
    string DeviceId { get; }

    /// <summary>One conversion (750 ms at 12 bits) in °C.</summary>
    double ReadCelsius();
}
