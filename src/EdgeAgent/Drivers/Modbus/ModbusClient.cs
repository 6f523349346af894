using System.Buffers.Binary;

namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>
/// The Modbus master: function codes 03, 04, 06 and 16 over any <see cref="IModbusTransport"/>.
/// It checks that each reply answers the request it sent (function, byte count, echo) and turns
/// exception replies into <see cref="ModbusException"/>. Not thread-safe: one poller per line.
/// </summary>
public sealed class ModbusClient(IModbusTransport transport) : IDisposable
{
    public IModbusTransport Transport { get; } = transport;

    public ushort[] ReadHoldingRegisters(byte unit, ushort start, int count) =>
        ReadRegisters(unit, ModbusFunction.ReadHoldingRegisters, start, count);

    public ushort[] ReadInputRegisters(byte unit, ushort start, int count) =>
        ReadRegisters(unit, ModbusFunction.ReadInputRegisters, start, count);

    public ushort[] ReadRegisters(byte unit, ModbusFunction function, ushort start, int count)
    {
        var reply = Send(unit, function, ModbusPdu.ReadRegisters(function, start, count));
        if (reply.Length < 2 || reply[1] != 2 * count || reply.Length != 2 + (2 * count))
            throw new ModbusProtocolException($"unit {unit} answered {count} registers from 0x{start:X4} with {Math.Max(0, reply.Length - 2)} bytes (byte count {(reply.Length > 1 ? reply[1] : 0)})");
        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(2 + (2 * i)));
        return registers;
    }

    public void WriteSingleRegister(byte unit, ushort address, ushort value)
    {
        var request = ModbusPdu.WriteSingleRegister(address, value);
        var reply = Send(unit, ModbusFunction.WriteSingleRegister, request);
        if (!reply.AsSpan().SequenceEqual(request))
            throw new ModbusProtocolException($"unit {unit} did not echo the write of register 0x{address:X4}");
    }

    public void WriteMultipleRegisters(byte unit, ushort start, ReadOnlySpan<ushort> values)
    {
        var request = ModbusPdu.WriteMultipleRegisters(start, values);
        var reply = Send(unit, ModbusFunction.WriteMultipleRegisters, request);
        if (reply.Length != 5 || !reply.AsSpan(0, 5).SequenceEqual(request.AsSpan(0, 5)))
            throw new ModbusProtocolException($"unit {unit} did not confirm the write of {values.Length} registers from 0x{start:X4}");
    }

    public void Dispose() => Transport.Dispose();

    private byte[] Send(byte unit, ModbusFunction function, byte[] request)
    {
        var reply = Transport.Exchange(unit, request);
        if (reply.Length == 0)
            throw new ModbusProtocolException($"unit {unit} sent an empty reply");
        if (reply[0] == ((byte)function | 0x80))
            throw new ModbusException(unit, function, reply.Length > 1 ? reply[1] : (byte)0);
        if (reply[0] != (byte)function)
            throw new ModbusProtocolException($"unit {unit} answered function 0x{(byte)function:X2} with function 0x{reply[0]:X2}");
        return reply;
    }
}
