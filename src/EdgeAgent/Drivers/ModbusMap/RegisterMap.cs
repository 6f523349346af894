using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.ModbusMap;

/// <summary>One quantity read from the map: <c>value = raw × Scale + Offset</c>, in the catalogue's unit.</summary>
public sealed record MapValue(string Quantity, MapRegister Register, double Scale = 1, double Offset = 0);

/// <summary>
/// A status register that turns the device's state into HJ 212 data flags (HJ 212-2017 Table 8)
/// on the values it covers: by whole value (<see cref="Codes"/>: 1 → C, 2 → M) or by bit
/// (<see cref="Bits"/>: bit 0 → C, bit 3 → D). A value no code or set bit names changes nothing.
/// </summary>
/// <param name="Name">What the register is, for people (<c>analyser state</c>).</param>
/// <param name="Register">Where it is; a whole-number type.</param>
/// <param name="Codes">Whole values and their flags.</param>
/// <param name="Bits">Bit numbers (0 is the least significant) and their flags.</param>
/// <param name="Quantities">The quantities it flags; null for every quantity of the map.</param>
public sealed record MapStatus(string Name, MapRegister Register, IReadOnlyDictionary<long, string> Codes, IReadOnlyDictionary<int, string> Bits,
    IReadOnlyList<string>? Quantities = null)
{
    /// <summary>The flags the register's value raises (none when the device is measuring).</summary>
    public IEnumerable<string> FlagsOf(ulong bits)
    {
        var value = Register.Type switch
        {
            MapValueType.Int16 => (short)(ushort)bits,
            MapValueType.Int32 => (int)(uint)bits,
            _ => (long)bits,
        };
        if (Codes.TryGetValue(value, out var flag))
            yield return flag;
        foreach (var (bit, bitFlag) in Bits)
        {
            if ((bits & (1UL << bit)) != 0)
                yield return bitFlag;
        }
    }

    public bool Covers(string quantity) => Quantities is null || Quantities.Contains(quantity, StringComparer.Ordinal);
}

/// <summary>
/// A device's register map as the agent's configuration gives it: the values it reads and the
/// status registers that flag them. It plans the fewest requests that cover every register.
/// </summary>
public sealed record RegisterMap(IReadOnlyList<MapValue> Values, IReadOnlyList<MapStatus> Statuses)
{
    public IReadOnlyList<string> Quantities => [.. Values.Select(v => v.Quantity)];

    /// <summary>
    /// The fewest requests that read every value and status register: registers of one function
    /// that are contiguous (or overlap) share a request, up to <see cref="ModbusPdu.MaxReadRegisters"/>
    /// (125) registers. <paramref name="maxGap"/> lets a request also read across that many unused
    /// registers; it is 0 by default because many analysers answer exception 2 (illegal data
    /// address) for a request that touches a register they do not have.
    /// </summary>
    public IReadOnlyList<RegisterBlock> ReadBlocks(int maxGap = 0)
    {
        var blocks = new List<RegisterBlock>();
        var spans = Values.Select(v => v.Register).Concat(Statuses.Select(s => s.Register))
            .Select(r => (r.Function, Start: (int)r.Address, r.End))
            .Distinct()
            .OrderBy(s => s.Function).ThenBy(s => s.Start).ThenBy(s => s.End);
        foreach (var (function, start, end) in spans)
        {
            if (blocks.Count > 0 && blocks[^1] is var last && last.Function == function
                && start - (last.Start + last.Count) <= maxGap && end - last.Start <= ModbusPdu.MaxReadRegisters)
            {
                blocks[^1] = last with { Count = Math.Max(last.Count, end - last.Start) };
                continue;
            }
            blocks.Add(new RegisterBlock(function, (ushort)start, end - start));
        }
        return blocks;
    }

    /// <summary>
    /// Each quantity's flag from the status registers: the worst any of them raises, by the one
    /// order the project uses (fault over communication fault over stopped over maintenance over
    /// calibration over manual, then over range; see <see cref="EmissionDerivation.CombinedFlag"/>).
    /// </summary>
    public Dictionary<string, string> Flags(Func<MapRegister, ulong> bitsOf)
    {
        var raised = Values.ToDictionary(v => v.Quantity, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var status in Statuses)
        {
            var flags = status.FlagsOf(bitsOf(status.Register)).ToList();
            if (flags.Count == 0)
                continue;
            foreach (var (quantity, list) in raised)
            {
                if (status.Covers(quantity))
                    list.AddRange(flags);
            }
        }
        return raised.ToDictionary(r => r.Key, r => r.Value.Count == 0 ? DataFlag.Normal : EmissionDerivation.CombinedFlag(r.Value), StringComparer.Ordinal);
    }
}
