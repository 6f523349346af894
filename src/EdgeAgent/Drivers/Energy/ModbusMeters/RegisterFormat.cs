using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>How a meter stores one value in its registers.</summary>
public enum RegisterFormat
{
    /// <summary>IEEE-754 single precision, two registers.</summary>
    Float32,

    /// <summary>Unsigned 32-bit count, two registers (counters in 0.01 kWh, litres).</summary>
    UInt32,

    /// <summary>Signed 32-bit, two registers.</summary>
    Int32,

    /// <summary>Unsigned 16-bit, one register (small meters; wraps at 65,536).</summary>
    UInt16,
}

/// <summary>The setting names of <see cref="RegisterFormat"/> and how to decode each.</summary>
public static class RegisterFormats
{
    /// <summary>In the enum's order, so a format's name is <c>Names[(int)format]</c> (no reflection: the agent is trimmed for NativeAOT).</summary>
    public static IReadOnlyList<string> Names { get; } = ["float32", "uint32", "int32", "uint16"];

    public static RegisterFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float32" => RegisterFormat.Float32,
        "uint32" => RegisterFormat.UInt32,
        "int32" => RegisterFormat.Int32,
        "uint16" => RegisterFormat.UInt16,
        _ => throw new ArgumentException($"'{name}' is not one of {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>How many 16-bit registers the value takes.</summary>
    public static int Width(this RegisterFormat format) => format == RegisterFormat.UInt16 ? 1 : 2;

    /// <summary>The value at <paramref name="offset"/>; a float keeps the digits the meter wrote (see <see cref="RegisterDecoding.Float32AsDouble"/>).</summary>
    public static double Decode(this RegisterFormat format, ReadOnlySpan<ushort> registers, int offset, WordOrder order) => format switch
    {
        RegisterFormat.Float32 => RegisterDecoding.Float32AsDouble(registers, offset, order),
        RegisterFormat.UInt32 => RegisterDecoding.UInt32(registers, offset, order),
        RegisterFormat.Int32 => RegisterDecoding.Int32(registers, offset, order),
        RegisterFormat.UInt16 => registers[offset],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
