using System.Buffers.Binary;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// The Modbus master over RTU (<see cref="ModbusRtuTransport"/>, CRC) and its reply checks
/// (<see cref="ModbusClient"/>): a valid reply to any request gives back exactly the registers the
/// unit holds; any damaged reply (flipped bits, cut short, a byte count that lies, a babbling
/// line) fails with the documented <see cref="IOException"/> or <see cref="TimeoutException"/>, ends,
/// and is never taken for a reading.
/// </summary>
public sealed class ModbusTarget : FuzzTarget
{
    public override string Name => "modbus";

    /// <summary>The bytes as the reply to a read of two holding registers from unit 1.</summary>
    public override void CheckBytes(byte[] input)
    {
        using var client = Client(_ => input, babble: false, chunk: 64);
        Expect.OnlyThrows(() => client.ReadHoldingRegisters(1, 0, 2), typeof(IOException), typeof(TimeoutException));
    }

    public override byte[] Sample(Random random) => Frame(1, [3, 4, .. Mutations.RandomBytes(random, 4)]);

    public override string Description => "Modbus RTU framing and CRC, request/response checks";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("request-response-round-trip", Seeded.Gen((r, _) => Exchange.Random(r)), Shrink.Nothing, CheckRoundTrip, e => e.ToString()),
        FuzzProperty.Of("damaged-reply-only-io-errors", Seeded.Gen(Damaged), Shrink.Nothing, CheckDamaged, d => d.ToString()),
        FuzzProperty.Of("reply-length-only-protocol-errors", Seeded.Gen((r, _) => Mutations.RandomBytes(r, 2)), Shrink.Nothing, CheckReplyLength, Show.Bytes),
    ];

    /// <summary>One request and the registers of the unit that answers it.</summary>
    public sealed record Exchange(byte Unit, ModbusFunction Function, ushort Start, int Count, ushort[] Registers)
    {
        public static Exchange Random(Random random)
        {
            var function = Seeded.Pick(random, Enum.GetValues<ModbusFunction>());
            var count = function switch
            {
                ModbusFunction.WriteSingleRegister => 1,
                ModbusFunction.WriteMultipleRegisters => random.Next(1, ModbusPdu.MaxWriteRegisters + 1),
                _ => random.Next(1, ModbusPdu.MaxReadRegisters + 1),
            };
            var start = (ushort)random.Next(0, 0x10000 - count + 1);
            var registers = Enumerable.Range(0, count).Select(_ => (ushort)random.Next(0x10000)).ToArray();
            return new((byte)random.Next(1, 248), function, start, count, registers);
        }

        /// <summary>What the unit answers, as an RTU frame (unit, PDU, CRC low byte first).</summary>
        public byte[] ReplyFrame(byte[] request)
        {
            // The unit reads the request as a slave would: address, PDU, CRC.
            Expect.That(ModbusCrc.IsValid(request) && request[0] == Unit, $"the master sent a bad RTU frame: {Convert.ToHexString(request)}");
            Expect.That(request[1] == (byte)Function, $"the master asked for function {request[1]:X2}, not {(byte)Function:X2}");
            Expect.That(BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(2)) == Start, "the master asked for another address");
            byte[] pdu;
            if (Function is ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters)
            {
                Expect.That(BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4)) == Count, "the master asked for another count");
                pdu = new byte[2 + (2 * Count)];
                pdu[0] = (byte)Function;
                pdu[1] = (byte)(2 * Count);
                for (var i = 0; i < Count; i++)
                    BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(2 + (2 * i)), Registers[i]);
            }
            else if (Function == ModbusFunction.WriteMultipleRegisters)
            {
                for (var i = 0; i < Count; i++)
                    Expect.That(BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(7 + (2 * i))) == Registers[i], $"register {i} written wrong");
                pdu = request[1..6];
            }
            else
            {
                Expect.That(BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4)) == Registers[0], "register written wrong");
                pdu = request[1..^2];
            }
            return Frame(Unit, pdu);
        }

        public ushort[] Run(ModbusClient client)
        {
            switch (Function)
            {
                case ModbusFunction.WriteSingleRegister:
                    client.WriteSingleRegister(Unit, Start, Registers[0]);
                    return Registers;
                case ModbusFunction.WriteMultipleRegisters:
                    client.WriteMultipleRegisters(Unit, Start, Registers);
                    return Registers;
                default:
                    return client.ReadRegisters(Unit, Function, Start, Count);
            }
        }

        public override string ToString() => $"unit {Unit} {Function} from 0x{Start:X4} count {Count} registers [{string.Join(",", Registers)}]";
    }

    public sealed record DamagedExchange(Exchange Exchange, int Seed, bool Babble, int Chunk)
    {
        public byte[] Reply(byte[] request)
        {
            var random = new Random(Seed);
            var valid = Exchange.ReplyFrame(request);
            return random.Next(6) switch
            {
                // An exception reply, or one for another unit or function, with a valid CRC.
                0 => Frame((byte)(random.Next(3) == 0 ? random.Next(256) : Exchange.Unit), [(byte)random.Next(256), (byte)random.Next(256)]),
                // A byte count that lies, with a valid CRC.
                1 => Frame(valid[0], [valid[1], (byte)random.Next(256), .. Mutations.RandomBytes(random, random.Next(0, 300))]),
                _ => Mutations.Apply(random, valid, 4),
            };
        }

        public override string ToString() => $"{Exchange} seed {Seed} babble {Babble} chunk {Chunk}";
    }

    public static byte[] Frame(byte unit, byte[] pdu)
    {
        var frame = new byte[pdu.Length + 3];
        frame[0] = unit;
        pdu.CopyTo(frame, 1);
        var crc = ModbusCrc.Compute(frame.AsSpan(0, frame.Length - 2));
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }

    private static DamagedExchange Damaged(Random random, int size) =>
        new(Exchange.Random(random), random.Next(), random.Next(4) == 0, random.Next(1, 300));

    private static ModbusClient Client(Func<byte[], byte[]> reply, bool babble, int chunk) =>
        new(new ModbusRtuTransport(new DeviceLine(reply, babble, chunk, baudRate: 115_200), TimeSpan.FromSeconds(1), frameGapTimeout: TimeSpan.FromMilliseconds(1)));

    public static void CheckRoundTrip(Exchange exchange)
    {
        using var client = Client(exchange.ReplyFrame, babble: false, chunk: 7);
        var registers = Expect.NeverThrows(() => exchange.Run(client));
        Expect.That(registers.AsSpan().SequenceEqual(exchange.Registers), $"read [{string.Join(",", registers)}]");
    }

    public static void CheckDamaged(DamagedExchange damaged)
    {
        using var client = Client(damaged.Reply, damaged.Babble, damaged.Chunk);
        ushort[]? registers = null;
        Expect.OnlyThrows(() => registers = damaged.Exchange.Run(client), typeof(IOException), typeof(TimeoutException));
        if (registers is not null && damaged.Exchange.Function is ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters)
        {
            // Accepted: then the reply held exactly one valid answer (a damaged frame passing the
            // CRC by chance is possible but must at least be the right shape).
            Expect.That(registers.Length == damaged.Exchange.Count, $"accepted {registers.Length} registers for a read of {damaged.Exchange.Count}");
        }
    }

    public static void CheckReplyLength(byte[] head) =>
        Expect.OnlyThrows(() => ModbusPdu.ReplyLength(head[0], head[1]), typeof(ModbusProtocolException));
}
