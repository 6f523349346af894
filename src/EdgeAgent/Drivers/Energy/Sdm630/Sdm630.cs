using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.Sdm630;

/// <summary>
/// Eastron SDM630 three-phase meter: float32 input registers (function 04), high word first, in
/// engineering units (standards.md §4.2). Factory line settings 9600 8N1.
/// </summary>
public static class Sdm630
{
    public const string DriverName = "modbus-sdm630";
    public const int DefaultBaud = 9600;

    public static MeterRegisterMap Map { get; } = new("Eastron SDM630", ModbusFunction.ReadInputRegisters, WordOrder.HighFirst,
    [
        new(QuantityCatalogue.Voltage.Name, [0x0000]),                   // L1 to neutral, V
        new(QuantityCatalogue.Current.Name, [0x0030], Scale: 1.0 / 3),   // sum of line currents / 3 = mean line current, A
        new(QuantityCatalogue.Power.Name, [0x0034], Scale: 0.001),       // total system power, W → kW
        new(QuantityCatalogue.Energy.Name, [0x0048]),                    // import active energy, kWh
    ]);
}
