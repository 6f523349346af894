using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

namespace SmartPark.EdgeAgent.Drivers.Energy.Sdm120;

public static class Sdm120Descriptor
{
    public static DriverDescriptor Descriptor { get; } = ModbusMeterDescriptor.For(Sdm120.DriverName, _ => Sdm120.Map, Sdm120.DefaultBaud, "8N1", "1");
}
