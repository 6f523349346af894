using System.Globalization;
using SmartPark.Fuzz.Inputs;
using SmartPark.Hj212;

namespace SmartPark.Fuzz.Targets;

/// <summary>Valid HJ 212 packets of every shape the codec knows (QN or none, split or not, CP items).</summary>
public static class Hj212Packets
{
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    private const string ValueChars = "0123456789.-+abcdefXYZ 石门园区";

    public static Hj212Packet Random(Random random)
    {
        var items = new List<IReadOnlyList<Hj212Field>>();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var fields = new List<Hj212Field>();
            for (var j = random.Next(1, 5); j > 0; j--)
                fields.Add(new(Seeded.Text(random, NameChars, 1, 12), Seeded.Text(random, ValueChars, 0, 10)));
            items.Add(fields);
        }
        var flagged = random.Next(6) != 0;
        var split = flagged && random.Next(4) == 0;
        var count = random.Next(1, 20);
        var qn = new DateTime(2016, 1, 1).AddMilliseconds(random.NextInt64(0, 10L * 365 * 86_400_000));
        return new Hj212Packet
        {
            Qn = random.Next(5) == 0 ? null : Hj212Time.Qn(qn),
            St = random.Next(10, 99).ToString(CultureInfo.InvariantCulture),
            Cn = random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            Pw = Seeded.Text(random, "0123456789abcdef", 0, 6),
            Mn = Seeded.Text(random, "0123456789ABCDEF", 1, 24),
            Flag = !flagged ? null : Hj212Flag.Of((Hj212Version)random.Next(3), random.Next(2) == 0, split),
            PacketCount = split ? count : null,
            PacketNumber = split ? random.Next(1, count + 1) : null,
            Cp = Hj212Cp.Format(items),
        };
    }

    /// <summary>A frame as a device or platform could send it: valid, or valid and then damaged.</summary>
    public static byte[] Frame(Random random, int size)
    {
        var frame = Hj212Encoder.FrameBytes(Random(random));
        return random.Next(8) switch
        {
            0 => frame,
            1 => WithLengthField(frame, random), // a length field that lies
            _ => Mutations.Apply(random, frame, 1 + (size / 25)),
        };
    }

    private static byte[] WithLengthField(byte[] frame, Random random)
    {
        var copy = (byte[])frame.Clone();
        var digits = random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        for (var i = 0; i < 4; i++)
            copy[2 + i] = (byte)digits[i];
        return copy;
    }
}
