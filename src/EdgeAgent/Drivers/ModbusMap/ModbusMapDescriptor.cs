using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.ModbusMap;

/// <summary>
/// Any Modbus RTU/TCP device whose registers the agent's configuration lists (a CEMS data logger,
/// a COD or ammonia analyser, a flow meter): the endpoint keys every Modbus meter reads, plus the
/// sensor's <c>Map</c> (see <see cref="RegisterMapReader"/>). A new analyser is a map in the
/// agent's file, not code.
/// </summary>
public static class ModbusMapDescriptor
{
    public const string DriverName = "modbus-map";
    public const int DefaultBaud = 9600;
    public const string DefaultFormat = "8N1";

    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = [DriverName],
        Part = "a device read by its configured Modbus register map: CEMS data logger, water analyser, flow meter (Modbus RTU/TCP)",
        Kind = DriverKind.Direct,
        Quantities = s => RegisterMapReader.QuantitiesIn(s.Map),
        Settings = ModbusMeterSettings.Schema(DefaultBaud, DefaultFormat).With(
            Setting.Integer("maxGap", 0, "unused registers one request may read across to join two runs of the map (0: only contiguous registers share a request)", 0, 64)),
        Map = s => RegisterMapReader.Read(s.Map).Problems,
        Rules = ModbusMeterSettings.CheckEndpoint,
        Open = (s, _) =>
        {
            var settings = ModbusMeterSettings.From(s, DefaultBaud, DefaultFormat);
            var map = MapOf(s);
            return new ModbusMapDriver(s.Id, settings.Endpoint.Acquire(), settings.Unit, map, s.GetInt("maxGap", 0), MeterCalibration.From(s, map.Quantities));
        },
    };

    /// <summary>The sensor's map; the descriptor has checked it.</summary>
    public static RegisterMap MapOf(SensorOptions sensor) =>
        RegisterMapReader.Read(sensor.Map) is { Map: { } map } ? map : throw sensor.Mistake("Map: " + string.Join("; ", RegisterMapReader.Read(sensor.Map).Problems));
}
