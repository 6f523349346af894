using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// Polls one Modbus meter by its <see cref="MeterRegisterMap"/>: a few block reads, then each
/// value decoded, scaled into the catalogue's unit and calibrated. A meter that answers NaN or
/// infinity (some do while starting up) fails the read instead of reporting it.
/// </summary>
public sealed class ModbusMeterDriver(string sensorId, SharedBus<ModbusClient> line, byte unit, MeterRegisterMap map, MeterCalibration calibration)
    : ISensorDriver, IDisposable
{
    private readonly IReadOnlyList<(ushort Start, int Count)> _blocks = map.ReadBlocks();

    public string SensorId { get; } = sensorId;

    public IReadOnlyList<string> Quantities { get; } = map.Quantities;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var registers = new Dictionary<ushort, ushort>();
        foreach (var (start, count) in _blocks)
        {
            var words = line.Run(client => client.ReadRegisters(unit, map.Function, start, count));
            for (var i = 0; i < words.Length; i++)
                registers[(ushort)(start + i)] = words[i];
        }

        var values = new List<SensorValue>(map.Values.Count);
        foreach (var value in map.Values)
        {
            var sum = 0.0;
            foreach (var address in value.Addresses)
                sum += RegisterDecoding.Float32AsDouble([registers[address], registers[(ushort)(address + 1)]], 0, map.WordOrder);
            var raw = sum / value.Addresses.Count * value.Scale;
            if (!double.IsFinite(raw))
                throw new ModbusProtocolException($"{map.Model} unit {unit} on {line.Client.Transport.Endpoint} reported {raw} for {value.Quantity}");
            values.Add(new SensorValue(value.Quantity, calibration.Apply(value.Quantity, raw)));
        }
        return values;
    }

    public void Dispose() => line.Release();
}
