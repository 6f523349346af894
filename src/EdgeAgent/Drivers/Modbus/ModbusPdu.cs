using System.Buffers.Binary;

namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>Builds request PDUs and knows how long each reply PDU is, so RTU can read exactly one frame.</summary>
public static class ModbusPdu
{
    /// <summary>The most registers one 03/04 request may ask for (the reply must fit 253 bytes).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>The most registers one function 16 request may write.</summary>
    public const int MaxWriteRegisters = 123;

    public static byte[] ReadRegisters(ModbusFunction function, ushort start, int count)
    {
        if (function is not (ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters))
            throw new ArgumentOutOfRangeException(nameof(function), function, "only functions 03 and 04 read registers");
        if (count is < 1 or > MaxReadRegisters)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a read asks for 1..{MaxReadRegisters} registers");
        if (start + count > 0x10000)
            throw new ArgumentOutOfRangeException(nameof(start), start, "the registers run past address 0xFFFF");
        var pdu = new byte[5];
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), start);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)count);
        return pdu;
    }

    public static byte[] WriteSingleRegister(ushort address, ushort value)
    {
        var pdu = new byte[5];
        pdu[0] = (byte)ModbusFunction.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), value);
        return pdu;
    }

    public static byte[] WriteMultipleRegisters(ushort start, ReadOnlySpan<ushort> values)
    {
        if (values.Length is < 1 or > MaxWriteRegisters)
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, $"a write carries 1..{MaxWriteRegisters} registers");
        var pdu = new byte[6 + (2 * values.Length)];
        pdu[0] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), start);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)values.Length);
        pdu[5] = (byte)(2 * values.Length);
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(6 + (2 * i)), values[i]);
        return pdu;
    }

    /// <summary>
    /// How many bytes the reply PDU has in total, given its first two bytes (function code and
    /// the byte after it). Exception replies are 2 bytes; reads carry a byte count; writes echo 5.
    /// </summary>
    public static int ReplyLength(byte function, byte second)
    {
        if ((function & 0x80) != 0)
            return 2;
        return (ModbusFunction)function switch
        {
            ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters => 2 + second,
            ModbusFunction.WriteSingleRegister or ModbusFunction.WriteMultipleRegisters => 5,
            _ => throw new ModbusProtocolException($"reply carries function 0x{function:X2}, which this client never sends"),
        };
    }
}
