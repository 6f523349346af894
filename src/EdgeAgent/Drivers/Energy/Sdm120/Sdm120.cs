using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.Sdm120;

/// <summary>
/// Eastron SDM120 single-phase meter: IEEE-754 float32 input registers (function 04), high word
/// first, already in engineering units (standards.md §4.2). Factory line settings 2400 8N1.
/// </summary>
public static class Sdm120
{
    public const string DriverName = "modbus-sdm120";
    public const int DefaultBaud = 2400;

    public static MeterRegisterMap Map { get; } = new("Eastron SDM120", ModbusFunction.ReadInputRegisters, WordOrder.HighFirst,
    [
        new(QuantityCatalogue.Voltage.Name, [0x0000]),
        new(QuantityCatalogue.Current.Name, [0x0006]),
        new(QuantityCatalogue.Power.Name, [0x000C], Scale: 0.001),     // W → kW
        new(QuantityCatalogue.Energy.Name, [0x0048]),                  // import active energy, kWh
    ]);
}
