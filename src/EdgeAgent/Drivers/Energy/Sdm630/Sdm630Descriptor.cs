using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

namespace SmartPark.EdgeAgent.Drivers.Energy.Sdm630;

public static class Sdm630Descriptor
{
    public static DriverDescriptor Descriptor { get; } = ModbusMeterDescriptor.For(Sdm630.DriverName, _ => Sdm630.Map, Sdm630.DefaultBaud, "8N1", "1");
}
