using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// Polls one Modbus meter by its <see cref="MeterRegisterMap"/>: a few block reads, then each
/// value decoded in its format, scaled into the catalogue's unit and calibrated. A meter that
/// answers NaN or infinity (some do while starting up) fails the read instead of reporting it.
/// </summary>
public sealed class ModbusMeterDriver(string sensorId, SharedBus<ModbusClient> line, byte unit, MeterRegisterMap map, MeterCalibration calibration)
    : ISensorDriver, IDisposable
{
    private readonly IReadOnlyList<RegisterBlock> _blocks = map.ReadBlocks();

    public string SensorId { get; } = sensorId;

    public IReadOnlyList<string> Quantities { get; } = map.Quantities;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var registers = new Dictionary<(ModbusFunction, ushort), ushort>();
        foreach (var (function, start, count) in _blocks)
        {
            var block = line.Run(client => client.ReadRegisters(unit, function, start, count));
            for (var i = 0; i < block.Length; i++)
                registers[(function, (ushort)(start + i))] = block[i];
        }

        var values = new List<SensorValue>(map.Values.Count);
        Span<ushort> words = stackalloc ushort[2];
        foreach (var value in map.Values)
        {
            var (function, order, width) = (map.FunctionOf(value), map.OrderOf(value), value.Format.Width());
            var sum = 0.0;
            foreach (var address in value.Addresses)
            {
                for (var i = 0; i < width; i++)
                    words[i] = registers[(function, (ushort)(address + i))];
                sum += value.Format.Decode(words[..width], 0, order);
            }
            var raw = sum / value.Addresses.Count * value.Scale;
            if (!double.IsFinite(raw))
                throw new ModbusProtocolException($"{map.Model} unit {unit} on {line.Client.Transport.Endpoint} reported {raw} for {value.Quantity}");
            values.Add(new SensorValue(value.Quantity, calibration.Apply(value.Quantity, raw)));
        }
        return values;
    }

    public void Dispose() => line.Release();
}
