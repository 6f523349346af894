using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.ModbusMap;

/// <summary>
/// Polls a device by its configured <see cref="RegisterMap"/>: the planned block reads, then
/// each value decoded, scaled and calibrated, carrying the flag its status registers raise (an
/// analyser in calibration reports C, in maintenance M, in fault D). A failed request fails the
/// whole read (the <see cref="ResilientDriver"/> then reports every quantity D). A value the
/// device answers as NaN or infinity (an analyser warming up, a channel that is off) is reported
/// D with its last good value, so its siblings still count.
/// </summary>
public sealed class ModbusMapDriver(string sensorId, SharedBus<ModbusClient> line, byte unit, RegisterMap map, int maxGap, MeterCalibration calibration)
    : ISensorDriver, IDisposable
{
    private readonly IReadOnlyList<RegisterBlock> _blocks = map.ReadBlocks(maxGap);
    private readonly Dictionary<string, double> _lastGood = new(StringComparer.Ordinal);

    public string SensorId { get; } = sensorId;

    public IReadOnlyList<string> Quantities { get; } = map.Quantities;

    /// <summary>The requests one read makes.</summary>
    public IReadOnlyList<RegisterBlock> Blocks => _blocks;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var registers = new Dictionary<(ModbusFunction, int), ushort>();
        foreach (var (function, start, count) in _blocks)
        {
            var block = line.Run(client => client.ReadRegisters(unit, function, start, count));
            for (var i = 0; i < block.Length; i++)
                registers[(function, start + i)] = block[i];
        }
        ushort[] WordsOf(MapRegister register)
        {
            var words = new ushort[register.Width];
            for (var i = 0; i < words.Length; i++)
                words[i] = registers[(register.Function, register.Address + i)];
            return words;
        }

        var flags = map.Flags(r => r.Bits(WordsOf(r)));
        var values = new List<SensorValue>(map.Values.Count);
        foreach (var value in map.Values)
        {
            var raw = (value.Register.Decode(WordsOf(value.Register)) * value.Scale) + value.Offset;
            if (!double.IsFinite(raw))
            {
                values.Add(new SensorValue(value.Quantity, _lastGood.GetValueOrDefault(value.Quantity), DataFlag.Fault));
                continue;
            }
            var calibrated = calibration.Apply(value.Quantity, raw);
            _lastGood[value.Quantity] = calibrated;
            values.Add(new SensorValue(value.Quantity, calibrated, flags[value.Quantity]));
        }
        return values;
    }

    public void Dispose() => line.Release();
}
