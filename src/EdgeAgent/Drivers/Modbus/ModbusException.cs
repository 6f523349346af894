namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>The device answered with an exception response (function code | 0x80, then a code).</summary>
public sealed class ModbusException(byte unit, ModbusFunction function, byte code)
    : IOException($"Modbus unit {unit} refused function 0x{(byte)function:X2}: exception {code} ({Describe(code)})")
{
    public byte Unit { get; } = unit;
    public ModbusFunction Function { get; } = function;
    public byte Code { get; } = code;

    public static string Describe(byte code) => code switch
    {
        1 => "illegal function",
        2 => "illegal data address",
        3 => "illegal data value",
        4 => "server device failure",
        5 => "acknowledge",
        6 => "server device busy",
        8 => "memory parity error",
        10 => "gateway path unavailable",
        11 => "gateway target device failed to respond",
        _ => "unknown exception code",
    };
}

/// <summary>A reply that is not a valid answer to the request: bad CRC, wrong unit, wrong length.</summary>
public sealed class ModbusProtocolException(string message) : IOException(message);
