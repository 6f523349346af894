using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.ModbusMap;

/// <summary>How a device stores one value in its 16-bit registers (the <c>type</c> of a map entry).</summary>
public enum MapValueType
{
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}

/// <summary>
/// Where a value sits and how its registers read: the function that reads it, its first
/// register, its type, and the two orders manuals disagree on. <see cref="LowWordFirst"/>: the
/// register with the least significant word comes first ("CD AB"); <see cref="BytesSwapped"/>:
/// each register carries its low byte first ("BA DC"). Both together are "DC BA".
/// </summary>
public sealed record MapRegister(ModbusFunction Function, ushort Address, MapValueType Type, bool LowWordFirst = false, bool BytesSwapped = false)
{
    public int Width => Type.Width();

    /// <summary>The address after the value's last register (may be 0x10000).</summary>
    public int End => Address + Width;

    /// <summary>The value as a number; <paramref name="words"/> are its registers as they came off the wire.</summary>
    public double Decode(ReadOnlySpan<ushort> words)
    {
        var bits = Bits(words);
        return Type switch
        {
            MapValueType.UInt16 => (ushort)bits,
            MapValueType.Int16 => (short)(ushort)bits,
            MapValueType.UInt32 => (uint)bits,
            MapValueType.Int32 => (int)(uint)bits,
            // Through RegisterDecoding so a float keeps the digits the device wrote (230.1, not 230.10000610351562).
            MapValueType.Float32 => RegisterDecoding.Float32AsDouble([(ushort)(bits >> 16), (ushort)bits], 0),
            MapValueType.Float64 => BitConverter.UInt64BitsToDouble(bits),
            _ => throw new ArgumentOutOfRangeException(nameof(words), Type, null),
        };
    }

    /// <summary>The value's bits, most significant first, whatever the device's word and byte order.</summary>
    public ulong Bits(ReadOnlySpan<ushort> words)
    {
        if (words.Length != Width)
            throw new ArgumentException($"a {Type} takes {Width} registers, not {words.Length}", nameof(words));
        ulong bits = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[LowWordFirst ? words.Length - 1 - i : i];
            if (BytesSwapped)
                word = (ushort)((word << 8) | (word >> 8));
            bits = (bits << 16) | word;
        }
        return bits;
    }
}

/// <summary>The configuration names of <see cref="MapValueType"/>, and their widths.</summary>
public static class MapValueTypes
{
    /// <summary>In the enum's order (no reflection: the agent is trimmed for NativeAOT).</summary>
    public static IReadOnlyList<string> Names { get; } = ["uint16", "int16", "uint32", "int32", "float32", "float64"];

    public static bool TryParse(string text, out MapValueType type)
    {
        var index = Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        type = (MapValueType)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Name(this MapValueType type) => Names[(int)type];

    /// <summary>How many 16-bit registers the value takes.</summary>
    public static int Width(this MapValueType type) => type switch
    {
        MapValueType.UInt16 or MapValueType.Int16 => 1,
        MapValueType.Float64 => 4,
        _ => 2,
    };

    /// <summary>Whole numbers: what a status register may hold.</summary>
    public static bool IsInteger(this MapValueType type) => type is not (MapValueType.Float32 or MapValueType.Float64);
}
