using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dtsu666;

/// <summary>
/// CHINT DTSU666 three-phase meter over Modbus RTU (it ships speaking DL/T 645; switch its
/// protocol to Modbus on the keypad first). Holding registers (function 03) carry float32 values
/// (high word first) that are still scaled by the manual's conversion table (standards.md §4.2):
/// U = raw × PT × 0.1 V, I = raw × CT × 0.001 A, P = raw × PT × CT × 0.1 W, Ep = raw × PT × CT kWh,
/// where PT and CT are the transformer ratios programmed into the meter (1 when wired direct).
/// Factory line settings for Modbus: 9600 8N2.
/// </summary>
public static class Dtsu666
{
    public const string DriverName = "modbus-dtsu666";
    public const int DefaultBaud = 9600;
    public const string DefaultFormat = "8N2";

    public static MeterRegisterMap Map(double ptRatio, double ctRatio) => new("CHINT DTSU666", ModbusFunction.ReadHoldingRegisters, WordOrder.HighFirst,
    [
        new(QuantityCatalogue.Voltage.Name, [0x2006], Scale: ptRatio * 0.1),                       // Ua
        new(QuantityCatalogue.Current.Name, [0x200C, 0x200E, 0x2010], Scale: ctRatio * 0.001),     // mean of Ia, Ib, Ic
        new(QuantityCatalogue.Power.Name, [0x2012], Scale: ptRatio * ctRatio * 0.1 * 0.001),     // Pt, W → kW
        new(QuantityCatalogue.Energy.Name, [0x401E], Scale: ptRatio * ctRatio),                    // ImpEp, kWh
    ]);
}
