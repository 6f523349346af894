using System.Globalization;

namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>Which register of a 32-bit value comes first on the wire.</summary>
public enum WordOrder
{
    /// <summary>High word first ("AB CD"): Eastron, CHINT and most meters.</summary>
    HighFirst,

    /// <summary>Low word first ("CD AB").</summary>
    LowFirst,
}

/// <summary>Turns 16-bit registers into the numbers meters store in them.</summary>
public static class RegisterDecoding
{
    public static float Float32(ReadOnlySpan<ushort> registers, int offset, WordOrder order = WordOrder.HighFirst) =>
        BitConverter.UInt32BitsToSingle(UInt32(registers, offset, order));

    /// <summary>
    /// The float32 as the double a person would write (230.1f becomes 230.1, not
    /// 230.10000610351562), so telemetry carries the meter's own digits.
    /// </summary>
    public static double Float32AsDouble(ReadOnlySpan<ushort> registers, int offset, WordOrder order = WordOrder.HighFirst)
    {
        var value = Float32(registers, offset, order);
        return float.IsFinite(value) ? double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;
    }

    public static uint UInt32(ReadOnlySpan<ushort> registers, int offset, WordOrder order = WordOrder.HighFirst)
    {
        var (high, low) = order == WordOrder.HighFirst
            ? (registers[offset], registers[offset + 1])
            : (registers[offset + 1], registers[offset]);
        return ((uint)high << 16) | low;
    }

    public static int Int32(ReadOnlySpan<ushort> registers, int offset, WordOrder order = WordOrder.HighFirst) =>
        unchecked((int)UInt32(registers, offset, order));

    /// <summary>The two registers that carry <paramref name="value"/> (for fakes and tests).</summary>
    public static ushort[] FromFloat32(float value, WordOrder order = WordOrder.HighFirst)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        var (high, low) = ((ushort)(bits >> 16), (ushort)bits);
        return order == WordOrder.HighFirst ? [high, low] : [low, high];
    }
}
