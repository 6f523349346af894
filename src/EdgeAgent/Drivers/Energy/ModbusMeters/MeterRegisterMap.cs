using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// One catalogue quantity read from a meter: the mean of the values at <see cref="Addresses"/>
/// (several for per-phase values), times <see cref="Scale"/> into the canonical unit (W → kW is
/// 0.001). A value is float32 in the map's function and word order unless it says otherwise: a
/// configured counter register (<see cref="CounterRegister"/>) may be a uint32 in input registers.
/// </summary>
public sealed record MeterValue(string Quantity, IReadOnlyList<ushort> Addresses, double Scale = 1)
{
    public RegisterFormat Format { get; init; } = RegisterFormat.Float32;

    /// <summary>Null: the map's function.</summary>
    public ModbusFunction? Function { get; init; }

    /// <summary>Null: the map's word order.</summary>
    public WordOrder? Order { get; init; }
}

/// <summary>One request: a run of registers read with one function.</summary>
public readonly record struct RegisterBlock(ModbusFunction Function, ushort Start, int Count);

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

    public ModbusFunction FunctionOf(MeterValue value) => value.Function ?? Function;

    public WordOrder OrderOf(MeterValue value) => value.Order ?? WordOrder;

    /// <summary>This map with <paramref name="quantity"/>'s value replaced (a configured energy register).</summary>
    public MeterRegisterMap Replace(string quantity, MeterValue value) =>
        this with { Values = [.. Values.Select(v => v.Quantity == quantity ? value : v)] };

    /// <summary>
    /// The fewest requests that cover every value, per function: nearby addresses are merged up
    /// to 80 registers, so an SDM630 poll is one request instead of four.
    /// </summary>
    public IReadOnlyList<RegisterBlock> ReadBlocks()
    {
        var blocks = new List<RegisterBlock>();
        var spans = Values
            .SelectMany(v => v.Addresses.Select(a => (Function: FunctionOf(v), Start: a, End: a + v.Format.Width())))
            .Distinct()
            .OrderBy(s => s.Function).ThenBy(s => s.Start).ThenBy(s => s.End);
        foreach (var (function, address, end) in spans)
        {
            if (blocks.Count > 0 && blocks[^1] is var last && last.Function == function
                && address - (last.Start + last.Count) <= MaxGap && end - last.Start <= MaxBlock)
            {
                blocks[^1] = last with { Count = Math.Max(last.Count, end - last.Start) };
                continue;
            }
            blocks.Add(new RegisterBlock(function, address, end - address));
        }
        return blocks;
    }
}
