namespace SmartPark.Fuzz.Inputs;

/// <summary>
/// Structure-aware damage to a valid frame or document: bit flips, truncation, inserted and
/// deleted runs, duplicated chunks, interesting byte values and digit runs that make length
/// fields huge. Applied 0–4 times, so most inputs stay close to valid and reach deep code.
/// </summary>
public static class Mutations
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'#', (byte)'\r', (byte)'\n', (byte)';', (byte)'=', (byte)'&', (byte)',', (byte)'9', (byte)'-', (byte)'"', (byte)'{', (byte)'[', (byte)':', (byte)'*', (byte)'&'];

    public static byte[] Apply(Random random, byte[] valid, int maxRounds = 4)
    {
        var bytes = new List<byte>(valid);
        var rounds = random.Next(0, maxRounds + 1);
        for (var i = 0; i < rounds; i++)
            Once(random, bytes);
        return [.. bytes];
    }

    /// <summary>One mutation, chosen at random.</summary>
    public static void Once(Random random, List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(10))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes.RemoveRange(at, bytes.Count - at); // truncation
                break;
            case 2:
                bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16)));
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16)));
                break;
            case 4 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, random.Next(1, 64));
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 5 when bytes.Count > 0:
                bytes[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 6:
                // A huge number where a length or count may stand.
                bytes.InsertRange(at, "99999999999999999999"u8.ToArray()[..random.Next(1, 21)]);
                break;
            case 7 when bytes.Count > 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 8 when bytes.Count > 1:
                var a = random.Next(bytes.Count);
                (bytes[at], bytes[a]) = (bytes[a], bytes[at]);
                break;
            default:
                bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                break;
        }
    }

    public static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
