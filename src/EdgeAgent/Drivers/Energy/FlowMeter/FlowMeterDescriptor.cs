using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.FlowMeter;

/// <summary>
/// A water, gas or steam flow meter's totaliser over Modbus RTU or TCP (an electromagnetic or
/// ultrasonic water meter, a gas turbine or vortex meter with a flow computer, a steam vortex
/// meter): the endpoint keys every Modbus meter reads, the <c>quantity</c> it totals, and where
/// its makers put the totaliser (<c>totalRegister</c>, <c>totalFormat</c>, <c>totalWordOrder</c>,
/// <c>totalFunction</c>, <c>totalScale</c>: see <see cref="CounterRegister"/>). Only the total is
/// read: consumption comes from the register, and the instantaneous flow would be a quantity of
/// its own that nothing downstream uses yet.
/// </summary>
public static class FlowMeterDescriptor
{
    public const string DriverName = "modbus-flow-meter";
    public const int DefaultBaud = 9600;
    public const string DefaultFormat = "8N1";

    public static CounterRegister Total { get; } = new("total");

    public static IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.WaterVolume.Name, QuantityCatalogue.GasVolume.Name, QuantityCatalogue.SteamMass.Name];

    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = [DriverName],
        Part = "water, gas or steam flow meter totaliser (Modbus RTU/TCP)",
        Kind = DriverKind.Direct,
        Quantities = QuantitiesOf,
        Settings = ModbusMeterSettings.Schema(DefaultBaud, DefaultFormat).With([
            new SettingSpec("quantity", SettingKind.Text, "what the meter totals, in m³ (water, gas at standard conditions) or t (steam)") { Required = true, Choices = Quantities },
            .. Total.Specs(null, ModbusFunction.ReadHoldingRegisters, WordOrder.HighFirst, "1", "totaliser")]),
        Rules = s => ModbusMeterSettings.CheckEndpoint(s).Concat(Total.Rules(s)),
        Open = (s, _) =>
        {
            var settings = ModbusMeterSettings.From(s, DefaultBaud, DefaultFormat);
            var map = Map(s);
            return new ModbusMeterDriver(s.Id, settings.Endpoint.Acquire(), settings.Unit, map, MeterCalibration.From(s, map.Quantities));
        },
    };

    /// <summary>The one value the sensor's settings describe; the schema has checked them.</summary>
    public static MeterRegisterMap Map(SensorOptions sensor)
    {
        var total = Total.From(sensor, new MeterValue(sensor.RequireString("quantity"), [0]), ModbusFunction.ReadHoldingRegisters, WordOrder.HighFirst);
        return new MeterRegisterMap("flow meter", total.Function!.Value, total.Order!.Value, [total]);
    }

    private static IReadOnlyList<string> QuantitiesOf(SensorOptions sensor) =>
        sensor.GetString("quantity", "") is var q && Quantities.Contains(q, StringComparer.Ordinal) ? [q] : [];
}
