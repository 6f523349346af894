using System.Buffers.Binary;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// DL/T 645-2007 (<see cref="Dlt645Frame"/>, <see cref="Dlt645Client"/>): a reply built by the
/// standard's rules decodes to the control code, address and data it carries; the BCD values
/// decode to the number they encode; anything a meter line delivers instead (damaged frames,
/// L bytes that lie, noise without end) fails with <see cref="IOException"/> or
/// <see cref="TimeoutException"/>, and the client gives up in bounded time.
/// </summary>
public sealed class Dlt645Target : FuzzTarget
{
    public override string Name => "dlt645";

    public override void CheckBytes(byte[] input) => CheckAnyFrame(input);

    public override byte[] Sample(Random random) => Reply.Random(random).Frame();

    public override string Description => "DL/T 645-2007 frame codec, BCD values and meter client";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("frame-round-trip", Seeded.Gen((r, _) => Reply.Random(r)), Shrink.Nothing, CheckRoundTrip, x => x.ToString()),
        FuzzProperty.Of("request-decodes-as-sent", Seeded.Gen((r, _) => (RandomAddress(r), (uint)r.NextInt64(0, 1L << 32))), Shrink.Nothing, CheckRequest, x => $"{x.Item1} DI {x.Item2:X8}"),
        FuzzProperty.Of("parse-only-dlt645-errors", Seeded.Gen((r, size) => Mutations.Apply(r, Reply.Random(r).Frame(), 1 + (size / 25))), Shrink.Bytes, CheckAnyFrame, Show.Bytes),
        FuzzProperty.Of("bcd-round-trip", Seeded.Gen((r, _) => (r.NextInt64(0, 1_000_000_000_000), r.Next(0, 5), r.Next(2) == 0)), Shrink.Nothing, CheckBcd, x => x.ToString()),
        FuzzProperty.Of("client-only-io-errors-and-ends", Seeded.Gen(DamagedExchange.Random), Shrink.Nothing, CheckClient, x => x.ToString()),
    ];

    public sealed record Reply(byte Control, string Address, byte[] Data)
    {
        public static Reply Random(Random random) => new(
            Seeded.Pick(random, [Dlt645Frame.ReadReply, Dlt645Frame.ReadReplyMore, Dlt645Frame.ReadRefused, (byte)random.Next(256)]),
            RandomAddress(random),
            Mutations.RandomBytes(random, random.Next(0, 40)));

        /// <summary>The frame by the standard: 68, address low byte first, 68, C, L, DATA+0x33, CS, 16.</summary>
        public byte[] Frame()
        {
            var frame = new List<byte> { Dlt645Frame.Start };
            frame.AddRange(Dlt645Frame.EncodeAddress(Address));
            frame.Add(Dlt645Frame.Start);
            frame.Add(Control);
            frame.Add((byte)Data.Length);
            frame.AddRange(Data.Select(b => (byte)(b + 0x33)));
            frame.Add(Dlt645Frame.Checksum(frame.ToArray()));
            frame.Add(Dlt645Frame.End);
            return [.. frame];
        }

        public override string ToString() => $"C={Control:X2} A={Address} DATA={Convert.ToHexString(Data)}";
    }

    private static string RandomAddress(Random random) =>
        random.Next(8) == 0 ? Dlt645Frame.Wildcard : Seeded.Text(random, "0123456789", 12, 12);

    public sealed record DamagedExchange(string Address, uint DataId, int Seed, bool Babble, int Chunk)
    {
        public static DamagedExchange Random(Random random, int size) =>
            new(Seeded.Text(random, "0123456789", 12, 12), (uint)random.NextInt64(0, 1L << 32), random.Next(), random.Next(4) == 0, random.Next(1, 64));

        public byte[] Answer(byte[] request)
        {
            var random = new Random(Seed);
            var data = new byte[4 + random.Next(0, 8)];
            BinaryPrimitives.WriteUInt32LittleEndian(data, DataId);
            var valid = new Reply(Dlt645Frame.ReadReply, Address, data).Frame();
            return random.Next(5) switch
            {
                0 => Mutations.RandomBytes(random, random.Next(0, 400)), // noise, never a 68 maybe
                1 => [0xFE, 0xFE, .. valid],
                _ => [.. Enumerable.Repeat((byte)0xFE, random.Next(0, 5)), .. Mutations.Apply(random, valid, 4)],
            };
        }

        public override string ToString() => $"meter {Address} DI {DataId:X8} seed {Seed} babble {Babble} chunk {Chunk}";
    }

    public static void CheckRoundTrip(Reply reply)
    {
        var (control, address, data) = Expect.NeverThrows(() => Dlt645Frame.ParseReply(reply.Frame()));
        Expect.That(control == reply.Control && address == reply.Address && data.AsSpan().SequenceEqual(reply.Data),
            $"decoded C={control:X2} A={address} DATA={Convert.ToHexString(data)}");
    }

    public static void CheckRequest((string Address, uint DataId) request)
    {
        var frame = Dlt645Frame.ReadRequest(request.Address, request.DataId);
        // After the FE wake-up bytes, a request is a frame like any other.
        var (control, address, data) = Expect.NeverThrows(() => Dlt645Frame.ParseReply(frame.AsSpan(4)));
        Expect.That(control == Dlt645Frame.ReadData && address == request.Address && data.Length == 4
            && BinaryPrimitives.ReadUInt32LittleEndian(data) == request.DataId, $"decoded C={control:X2} A={address} DATA={Convert.ToHexString(data)}");
    }

    public static void CheckAnyFrame(byte[] frame) =>
        Expect.OnlyThrows(() => Dlt645Frame.ParseReply(frame), typeof(Dlt645Exception));

    public static void CheckBcd((long Digits, int Decimals, bool Negative) value)
    {
        var text = value.Digits.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        var bytes = new byte[6];
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(((text[10 - (2 * i)] - '0') << 4) | (text[11 - (2 * i)] - '0'));
        var signed = value.Negative && bytes[5] < 0x80;
        if (signed)
            bytes[5] |= 0x80;
        var decoded = Expect.NeverThrows(() => Dlt645Frame.DecodeBcd(bytes, value.Decimals, signed));
        var expected = value.Digits / Math.Pow(10, value.Decimals) * (signed ? -1 : 1);
        Expect.That(decoded.Equals(expected), $"decoded {decoded}, expected {expected}");
        Expect.OnlyThrows(() => Dlt645Frame.DecodeBcd(Mutations.Apply(new Random((int)value.Digits), bytes, 3), value.Decimals, signed), typeof(Dlt645Exception));
    }

    public static void CheckClient(DamagedExchange exchange)
    {
        using var client = new Dlt645Client(new DeviceLine(exchange.Answer, exchange.Babble, exchange.Chunk), TimeSpan.FromMilliseconds(20));
        Expect.OnlyThrows(() => client.Read(exchange.Address, exchange.DataId), typeof(IOException), typeof(TimeoutException));
    }
}
