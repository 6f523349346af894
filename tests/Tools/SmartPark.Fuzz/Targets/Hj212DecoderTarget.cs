using System.Text;
using SmartPark.Fuzz.Inputs;
using SmartPark.Hj212;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// <see cref="Hj212Decoder"/>: documented never to throw, whatever the bytes; every rejected frame
/// names at least one problem; what the encoder writes, the decoder reads back unchanged.
/// </summary>
public sealed class Hj212DecoderTarget : FuzzTarget
{
    public override string Name => "hj212-decoder";

    public override void CheckBytes(byte[] input) => CheckAnyFrame(input);

    public override byte[] Sample(Random random) => Hj212Encoder.FrameBytes(Hj212Packets.Random(random));

    public override string Description => "HJ 212 frame decoder (length, CRC, fields, CP)";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("never-throws-and-names-problems", Seeded.Gen(Hj212Packets.Frame), Shrink.Bytes, CheckAnyFrame, Show.Bytes),
        FuzzProperty.Of("encode-decode-round-trip", Seeded.Gen((r, _) => Hj212Packets.Random(r)),
            Shrink.Nothing, CheckRoundTrip, p => Hj212Encoder.Frame(p)),
        FuzzProperty.Of("cp-parse-never-throws", Seeded.Gen((r, size) => Encoding.UTF8.GetString(Mutations.Apply(r, Encoding.UTF8.GetBytes(Hj212Packets.Random(r).Cp), 1 + (size / 20)))),
            Shrink.Text, CheckCp, t => t),
    ];

    public static void CheckAnyFrame(byte[] frame)
    {
        var result = Expect.NeverThrows(() => Hj212Decoder.Decode(frame));
        Expect.That(result.IsValid || result.Problems.Count > 0, "a frame that is not valid names no problem");
        Expect.That(result.Problems.All(p => !string.IsNullOrWhiteSpace(p.Message)), "a problem without a message");
        Expect.That(!result.IsValid || result.Packet is not null, "valid without a packet");
        Expect.That(Expect.NeverThrows(() => result.Summary).Length > 0, "empty summary");
        if (result.IsValid)
        {
            // What was accepted must survive being sent again.
            var again = Hj212Decoder.Decode(Hj212Encoder.FrameBytes(result.Packet!));
            Expect.That(again.IsValid && again.Packet == result.Packet, $"an accepted packet does not re-encode to itself: {again.Summary}");
        }
    }

    public static void CheckRoundTrip(Hj212Packet packet)
    {
        var result = Expect.NeverThrows(() => Hj212Decoder.Decode(Hj212Encoder.FrameBytes(packet)));
        Expect.That(result.IsValid, $"encoded packet decodes with problems: {result.Summary}");
        Expect.That(result.Packet == packet, $"decoded {result.Packet} is not {packet}");
        Expect.That(Hj212Cp.Parse(result.Packet!.Cp).ToString() == packet.Cp, "CP does not re-format to itself");
    }

    public static void CheckCp(string cp)
    {
        var parsed = Expect.NeverThrows(() => Hj212Cp.Parse(cp, out var problems) is var c ? (c, problems) : default);
        Expect.That(parsed.problems.All(p => !string.IsNullOrWhiteSpace(p)), "a CP problem without a message");
        // What the parser took in, formatted again, parses to the same items.
        var again = Hj212Cp.Parse(parsed.c.ToString());
        Expect.That(again.ToString() == parsed.c.ToString(), "CP items do not survive format and parse");
    }
}
