using System.Device.Gpio;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.GpioDetector;

/// <summary>
/// A smoke detector's alarm relay contact or a flame sensor's digital output on a GPIO input,
/// as the sensor's settings describe it: <c>pin</c> (BCM), <c>activeLevel</c> (<c>low</c> or
/// <c>high</c>: the level that means alarm), <c>pull</c> (<c>up</c>, <c>down</c>, <c>none</c>)
/// and <c>debounceMs</c>.
/// </summary>
public sealed record FireDetectorInput(string SensorId, string Quantity, int Pin, bool ActiveHigh, PinMode Mode, TimeSpan Debounce)
{
    public static FireDetectorInput From(SensorOptions options)
    {
        var quantity = options.Driver switch
        {
            GpioDetectorDriver.SmokeDriver => QuantityCatalogue.Smoke.Name,
            GpioDetectorDriver.FlameDriver => QuantityCatalogue.Flame.Name,
            _ => throw new ArgumentException($"Sensor '{options.Id}': {options.Driver} is not a GPIO fire detector"),
        };
        var pin = options.GetInt("pin", -1);
        if (pin is < 0 or > 27)
            throw new ArgumentException($"Sensor '{options.Id}': pin must be a header GPIO 0..27 (BCM numbering)");
        var activeHigh = options.GetString("activeLevel", "low") switch
        {
            "low" => false,
            "high" => true,
            var other => throw new ArgumentException($"Sensor '{options.Id}': activeLevel '{other}' must be low or high"),
        };
        var mode = options.GetString("pull", activeHigh ? "down" : "up") switch
        {
            "up" => PinMode.InputPullUp,
            "down" => PinMode.InputPullDown,
            "none" => PinMode.Input,
            var other => throw new ArgumentException($"Sensor '{options.Id}': pull '{other}' must be up, down or none"),
        };
        var debounce = options.GetInt("debounceMs", 200);
        if (debounce is < 0 or > 800)
            throw new ArgumentException($"Sensor '{options.Id}': debounceMs must be 0..800 so the alarm still reacts within 1 s");
        return new(options.Id, quantity, pin, activeHigh, mode, TimeSpan.FromMilliseconds(debounce));
    }
}
