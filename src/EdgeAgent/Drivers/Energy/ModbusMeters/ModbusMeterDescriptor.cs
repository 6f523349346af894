using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>What every Modbus meter's descriptor shares: the endpoint settings, calibration and how it opens.</summary>
public static class ModbusMeterDescriptor
{
    /// <param name="name">The configuration name.</param>
    /// <param name="map">The meter's registers for a sensor's settings (a DTSU666's depend on its PT/CT ratios).</param>
    /// <param name="defaultBaud">Factory line speed.</param>
    /// <param name="defaultFormat">Factory character format.</param>
    /// <param name="extra">The meter's own keys.</param>
    public static DriverDescriptor For(string name, Func<SensorOptions, MeterRegisterMap> map, int defaultBaud, string defaultFormat, params IReadOnlyList<SettingSpec> extra) => new()
    {
        Names = [name],
        Part = map(new SensorOptions()).Model + " (Modbus RTU/TCP)",
        Kind = DriverKind.Direct,
        Quantities = s => map(s).Quantities,
        Settings = ModbusMeterSettings.Schema(defaultBaud, defaultFormat).With(extra),
        Rules = ModbusMeterSettings.CheckEndpoint,
        Open = (s, _) =>
        {
            var settings = ModbusMeterSettings.From(s, defaultBaud, defaultFormat);
            var registers = map(s);
            return new ModbusMeterDriver(s.Id, settings.Endpoint.Acquire(), settings.Unit, registers, MeterCalibration.From(s, registers.Quantities));
        },
    };
}
