using System.Text;
using SmartPark.Fuzz.Inputs;
using SmartPark.Hj212;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// <see cref="Hj212FrameReader"/>: a TCP stream of frames, noise and damaged frames, delivered in
/// chunks of any size. It never throws, hands over only <c>##…CR LF</c> runs no longer than a frame
/// can be, accounts for every byte, and delivers every intact frame between noise unchanged.
/// </summary>
public sealed class Hj212FrameReaderTarget : FuzzTarget
{
    public override string Name => "hj212-reader";

    public override void CheckBytes(byte[] input) => CheckAnyStream(input);

    public override byte[] Sample(Random random) => CleanStream(random, 5).Bytes;

    public override string Description => "HJ 212 stream frame reader (TCP byte stream → frames)";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("intact-frames-survive-noise-and-chunking", Seeded.Gen(CleanStream), Shrink.Nothing, CheckCleanStream, s => s.ToString()),
        FuzzProperty.Of("never-throws-and-accounts-for-every-byte", Seeded.Gen(DamagedStream), Shrink.Bytes, CheckAnyStream, Show.Bytes),
    ];

    /// <summary>Valid frames, with noise between them that holds no '#', cut at random points.</summary>
    public sealed record FrameStream(IReadOnlyList<byte[]> Frames, byte[] Bytes, IReadOnlyList<int> Cuts)
    {
        public override string ToString() => $"cuts [{string.Join(",", Cuts)}] {Show.Bytes(Bytes)}";
    }

    private static FrameStream CleanStream(Random random, int size)
    {
        var frames = new List<byte[]>();
        var bytes = new List<byte>();
        for (var i = random.Next(1, 2 + (size / 10)); i > 0; i--)
        {
            bytes.AddRange(Noise(random, random.Next(0, 3) == 0 ? random.Next(0, 200) : 0));
            var frame = Hj212Encoder.FrameBytes(Hj212Packets.Random(random));
            frames.Add(frame);
            bytes.AddRange(frame);
        }
        bytes.AddRange(Noise(random, random.Next(0, 20)));
        return new FrameStream(frames, [.. bytes], Cuts(random, bytes.Count));
    }

    private static byte[] Noise(Random random, int length)
    {
        var noise = Mutations.RandomBytes(random, length);
        for (var i = 0; i < noise.Length; i++)
        {
            if (noise[i] == (byte)'#')
                noise[i] = (byte)'*';
        }
        return noise;
    }

    private static byte[] DamagedStream(Random random, int size)
    {
        var bytes = new List<byte>();
        for (var i = random.Next(1, 2 + (size / 10)); i > 0; i--)
        {
            bytes.AddRange(random.Next(3) switch
            {
                0 => Mutations.RandomBytes(random, random.Next(0, 64)),
                1 => Encoding.ASCII.GetBytes("##" + random.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => Hj212Packets.Frame(random, size),
            });
        }
        if (random.Next(20) == 0)
            bytes.AddRange(Enumerable.Repeat((byte)'#', random.Next(1, 30_000))); // headers and no end
        return [.. bytes];
    }

    private static IReadOnlyList<int> Cuts(Random random, int length)
    {
        var cuts = new List<int>();
        var at = 0;
        while (at < length)
        {
            at += random.Next(3) == 0 ? random.Next(1, 4) : random.Next(1, 2048);
            cuts.Add(Math.Min(at, length));
        }
        return cuts;
    }

    public static void CheckCleanStream(FrameStream stream)
    {
        var read = ReadAll(stream.Bytes, stream.Cuts);
        Expect.That(read.Count == stream.Frames.Count, $"{stream.Frames.Count} frames sent, {read.Count} read");
        for (var i = 0; i < read.Count; i++)
            Expect.That(read[i].AsSpan().SequenceEqual(stream.Frames[i]), $"frame {i} read as {Show.Escaped(read[i])}, sent as {Show.Escaped(stream.Frames[i])}");
    }

    public static void CheckAnyStream(byte[] bytes)
    {
        var random = new Random(bytes.Length);
        var reader = new Hj212FrameReader();
        long handedOver = 0;
        foreach (var frame in Expect.NeverThrows(() => ReadAll(bytes, Cuts(random, bytes.Length), reader)))
        {
            Expect.That(frame.AsSpan().StartsWith("##"u8) && frame.AsSpan().EndsWith("\r\n"u8), $"handed over a frame that is not ##…CR LF: {Show.Escaped(frame)}");
            Expect.That(frame.Length <= Hj212FrameReader.MaxFrameBytes, $"handed over {frame.Length} bytes as one frame (at most {Hj212FrameReader.MaxFrameBytes})");
            handedOver += frame.Length;
        }
        Expect.That(handedOver + reader.DiscardedBytes <= bytes.Length, $"{handedOver} bytes handed over and {reader.DiscardedBytes} discarded of {bytes.Length} received");
    }

    private static List<byte[]> ReadAll(byte[] bytes, IReadOnlyList<int> cuts, Hj212FrameReader? reader = null)
    {
        reader ??= new Hj212FrameReader();
        var frames = new List<byte[]>();
        var from = 0;
        foreach (var cut in cuts)
        {
            reader.Append(bytes.AsSpan(from, cut - from));
            from = cut;
            while (reader.TryRead() is { } frame)
                frames.Add(frame);
        }
        return frames;
    }
}
