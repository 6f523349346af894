using System.Text;
using SmartPark.Hj212;

namespace SmartPark.UnitTests.Hj212;

/// <summary>Properties over many random packets (fixed seeds, so a failure repeats).</summary>
public class Hj212PropertyTests
{
    private const int Cases = 500;
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    private const string ValueChars = "0123456789.-+abcdefXYZ 石门园区";

    private static string Random(Random random, string alphabet, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }

    private static Hj212Packet RandomPacket(Random random)
    {
        var items = new List<IReadOnlyList<Hj212Field>>();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var fields = new List<Hj212Field>();
            for (var j = random.Next(1, 5); j > 0; j--)
                fields.Add(new(Random(random, NameChars, 1, 12), Random(random, ValueChars, 0, 10)));
            items.Add(fields);
        }
        var split = random.Next(4) == 0;
        var count = random.Next(1, 20);
        var qn = new DateTime(2016, 1, 1).AddMilliseconds(random.NextInt64(0, 10L * 365 * 86_400_000));
        return new Hj212Packet
        {
            Qn = random.Next(5) == 0 ? null : Hj212Time.Qn(qn),
            St = random.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Cn = random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pw = Random(random, "0123456789abcdef", 0, 6),
            Mn = Random(random, "0123456789ABCDEF", 1, 24),
            Flag = Hj212Flag.Of((Hj212Version)random.Next(3), random.Next(2) == 0, split),
            PacketCount = split ? count : null,
            PacketNumber = split ? random.Next(1, count + 1) : null,
            Cp = Hj212Cp.Format(items),
        };
    }

    [Fact]
    public void Random_data_segments_round_trip()
    {
        var random = new Random(212_2017);
        for (var i = 0; i < Cases; i++)
        {
            var packet = RandomPacket(random);
            var result = Hj212Decoder.Decode(Hj212Encoder.FrameBytes(packet));
            Assert.True(result.IsValid, $"case {i}: {result.Summary} in {Hj212Encoder.Frame(packet)}");
            Assert.Equal(packet, result.Packet);
            Assert.Equal(packet.Cp, Hj212Cp.Parse(result.Packet!.Cp).ToString());
        }
    }

    [Fact]
    public void Every_single_byte_corruption_is_detected()
    {
        var random = new Random(0x1C80);
        for (var i = 0; i < 60; i++)
        {
            var frame = Hj212Encoder.FrameBytes(RandomPacket(random));
            for (var at = 0; at < frame.Length; at++)
            {
                var corrupt = (byte[])frame.Clone();
                // Any other byte value: flips of one bit up to a whole different byte.
                corrupt[at] ^= (byte)random.Next(1, 256);
                var result = Hj212Decoder.Decode(corrupt);
                if (IsCaseOnlyCrcChange(frame, corrupt, at))
                    continue; // the CRC's hex digits may be written in either case
                Assert.False(result.FramingHolds, $"byte {at} of {Encoding.UTF8.GetString(frame)} changed to 0x{corrupt[at]:X2} went unnoticed");
            }
        }
    }

    private static bool IsCaseOnlyCrcChange(byte[] frame, byte[] corrupt, int at) =>
        at >= frame.Length - 6 && at < frame.Length - 2
        && char.ToUpperInvariant((char)frame[at]) == char.ToUpperInvariant((char)corrupt[at]);

    [Fact]
    public void Random_bytes_never_make_the_decoder_throw()
    {
        var random = new Random(9014);
        for (var i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0 && bytes.Length > 8)
            {
                // Often a plausible frame shell around the noise, so the field parser is reached too.
                "##"u8.CopyTo(bytes);
                bytes[^2] = (byte)'\r';
                bytes[^1] = (byte)'\n';
            }
            var result = Hj212Decoder.Decode(bytes);
            Assert.NotNull(result);
        }
    }

    [Fact]
    public void The_frame_reader_cuts_any_chunking_of_a_stream_back_into_its_frames()
    {
        var random = new Random(2051);
        var frames = Enumerable.Range(0, 40).Select(_ => Hj212Encoder.FrameBytes(RandomPacket(random))).ToList();
        var stream = new List<byte>();
        foreach (var frame in frames)
        {
            stream.AddRange(Encoding.ASCII.GetBytes(random.Next(3) == 0 ? "noise\r\n" : ""));
            stream.AddRange(frame);
        }
        var reader = new Hj212FrameReader();
        var read = new List<byte[]>();
        var bytes = stream.ToArray();
        for (var at = 0; at < bytes.Length;)
        {
            var chunk = Math.Min(random.Next(1, 64), bytes.Length - at);
            reader.Append(bytes.AsSpan(at, chunk));
            at += chunk;
            while (reader.TryRead() is { } frame)
                read.Add(frame);
        }
        Assert.Equal(frames.Count, read.Count);
        for (var i = 0; i < frames.Count; i++)
            Assert.Equal(frames[i], read[i]);
    }
}
