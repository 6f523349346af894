using SmartPark.EdgeAgent.Drivers.Catalogue;

namespace SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

public static class PulseMeterDescriptor
{
    public const string DriverName = "gpio-pulse-meter";

    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = [DriverName],
        Part = "water, gas, steam or electricity meter pulse output (reed contact, open collector, S0) on a GPIO input",
        Kind = DriverKind.Hardware,
        Quantities = PulseMeterSettings.QuantitiesOf,
        Settings = PulseMeterSettings.Schema,
        Open = (s, c) => new PulseMeterDriver(s.Id, PulseMeterSettings.From(s), c.Hardware),
    };
}
