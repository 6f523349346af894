using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// One catalogue quantity read from a meter: the mean of the float32 values at
/// <see cref="Addresses"/> (several for per-phase values), times <see cref="Scale"/> into the
/// canonical unit (W → kW is 0.001).
/// </summary>
public sealed record MeterValue(string Quantity, IReadOnlyList<ushort> Addresses, double Scale = 1);

/// <summary>A meter model's registers: which function reads them, their word order, and the values.</summary>
public sealed record MeterRegisterMap(string Model, ModbusFunction Function, WordOrder WordOrder, IReadOnlyList<MeterValue> Values)
{
    /// <summary>
    /// Registers further apart than this are read by separate requests: reading a gap of 64
    /// unused registers costs less than another round trip to a meter that takes 50–100 ms to turn around.
    /// </summary>
    private const int MaxGap = 64;

    /// <summary>Eastron meters answer at most 40 float parameters (80 registers) per request.</summary>
    private const int MaxBlock = 80;

    public IReadOnlyList<string> Quantities => Values.Select(v => v.Quantity).ToList();

    /// <summary>
    /// The fewest requests that cover every float32 (two registers each): nearby addresses are
    /// merged up to 80 registers, so an SDM630 poll is one request instead of four.
    /// </summary>
    public IReadOnlyList<(ushort Start, int Count)> ReadBlocks()
    {
        var blocks = new List<(ushort Start, int Count)>();
        foreach (var address in Values.SelectMany(v => v.Addresses).Distinct().Order())
        {
            if (blocks.Count > 0)
            {
                var (start, count) = blocks[^1];
                var end = address + 2;
                if (address - (start + count) <= MaxGap && end - start <= MaxBlock)
                {
                    blocks[^1] = (start, Math.Max(count, end - start));
                    continue;
                }
            }
            blocks.Add((address, 2));
        }
        return blocks;
    }
}
