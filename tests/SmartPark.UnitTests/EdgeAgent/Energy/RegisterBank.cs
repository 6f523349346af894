using System.Buffers.Binary;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// The register side of a Modbus device for tests: answers request PDUs for functions 03, 04,
/// 06 and 16 from two register tables, with exception 2 for an address it does not have.
/// </summary>
internal sealed class RegisterBank
{
    public Dictionary<ushort, ushort> Holding { get; } = [];
    public Dictionary<ushort, ushort> Input { get; } = [];
    public int Requests { get; private set; }

    public void SetFloat(Dictionary<ushort, ushort> table, ushort address, float value)
    {
        var words = RegisterDecoding.FromFloat32(value);
        table[address] = words[0];
        table[(ushort)(address + 1)] = words[1];
    }

    public byte[] Answer(ReadOnlySpan<byte> pdu)
    {
        Requests++;
        var function = pdu[0];
        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var countOrValue = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        switch ((ModbusFunction)function)
        {
            case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                var table = function == 3 ? Holding : Input;
                var reply = new byte[2 + (2 * countOrValue)];
                reply[0] = function;
                reply[1] = (byte)(2 * countOrValue);
                for (var i = 0; i < countOrValue; i++)
                {
                    if (!table.TryGetValue((ushort)(address + i), out var word))
                        return [(byte)(function | 0x80), 2];
                    BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2 + (2 * i)), word);
                }
                return reply;
            case ModbusFunction.WriteSingleRegister:
                Holding[address] = countOrValue;
                return pdu.ToArray();
            case ModbusFunction.WriteMultipleRegisters:
                for (var i = 0; i < countOrValue; i++)
                    Holding[(ushort)(address + i)] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(6 + (2 * i))..]);
                return pdu[..5].ToArray();
            default:
                return [(byte)(function | 0x80), 1];
        }
    }

    /// <summary>An RTU slave at <paramref name="unit"/> on a <see cref="ScriptedSerialLine"/>.</summary>
    public Func<byte[], byte[]?> RtuSlave(byte unit) => frame =>
    {
        if (frame[0] != unit || !ModbusCrc.IsValid(frame))
            return null;
        var pdu = Answer(frame.AsSpan(1, frame.Length - 3));
        var reply = new byte[pdu.Length + 3];
        reply[0] = unit;
        pdu.CopyTo(reply, 1);
        var crc = ModbusCrc.Compute(reply.AsSpan(0, reply.Length - 2));
        reply[^2] = (byte)crc;
        reply[^1] = (byte)(crc >> 8);
        return reply;
    };
}

/// <summary>A transport straight into a <see cref="RegisterBank"/>, for driver tests above the framing.</summary>
internal sealed class BankTransport(RegisterBank bank) : IModbusTransport
{
    public string Endpoint => "bank";
    public byte[] Exchange(byte unit, ReadOnlySpan<byte> requestPdu) => bank.Answer(requestPdu);
    public void Dispose()
    {
    }
}
