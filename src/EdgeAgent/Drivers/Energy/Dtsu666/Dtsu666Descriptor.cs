using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dtsu666;

public static class Dtsu666Descriptor
{
    public static DriverDescriptor Descriptor { get; } = ModbusMeterDescriptor.For(Dtsu666.DriverName,
        s => Dtsu666.Map(s.GetDouble("ptRatio", 1), s.GetDouble("ctRatio", 1)), Dtsu666.DefaultBaud, Dtsu666.DefaultFormat, "PT × CT",
        Setting.Number("ptRatio", 1, "voltage transformer ratio programmed into the meter", positive: true),
        Setting.Number("ctRatio", 1, "current transformer ratio programmed into the meter", positive: true));
}
