using System.Buffers.Binary;

namespace SmartPark.EdgeAgent.Drivers.Pms5003;

/// <summary>
/// A Plantower PMS5003/PMS7003 data frame: <c>42 4D</c>, frame length (big-endian, 28), thirteen
/// big-endian words, then a 16-bit checksum that is the plain sum of every byte before it.
/// Words 1–3 are PM1.0/PM2.5/PM10 at "CF=1" (factory standard particle), words 4–6 the same
/// under atmospheric environment (the ones to report for ambient air), all in µg/m³.
/// </summary>
public readonly record struct PmsFrame(ushort Pm1Cf1, ushort Pm25Cf1, ushort Pm10Cf1, ushort Pm1Atm, ushort Pm25Atm, ushort Pm10Atm)
{
    public const byte Start1 = 0x42;
    public const byte Start2 = 0x4D;
    public const int DataLength = 28;
    public const int FrameLength = 4 + DataLength;

    /// <summary>Parses the bytes after the two start bytes: length, 13 words, checksum.</summary>
    public static PmsFrame Parse(ReadOnlySpan<byte> afterStart)
    {
        if (afterStart.Length != FrameLength - 2)
            throw new InvalidDataException($"PMS frame body must be {FrameLength - 2} bytes, got {afterStart.Length}");
        var length = BinaryPrimitives.ReadUInt16BigEndian(afterStart);
        if (length != DataLength)
            throw new InvalidDataException($"PMS frame length {length}, expected {DataLength}");
        var expected = BinaryPrimitives.ReadUInt16BigEndian(afterStart[^2..]);
        var actual = Checksum(afterStart[..^2]);
        if (expected != actual)
            throw new InvalidDataException($"PMS frame checksum 0x{expected:X4} does not match the bytes' sum 0x{actual:X4}");
        Span<ushort> words = stackalloc ushort[6];
        for (var i = 0; i < words.Length; i++)
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(afterStart[(2 + (2 * i))..]);
        return new(words[0], words[1], words[2], words[3], words[4], words[5]);
    }

    /// <summary>Sum of the start bytes and <paramref name="afterStartWithoutChecksum"/>, 16 bits.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> afterStartWithoutChecksum)
    {
        var sum = Start1 + Start2;
        foreach (var b in afterStartWithoutChecksum)
            sum += b;
        return (ushort)sum;
    }

    /// <summary>A passive-mode command frame: <c>42 4D cmd 00 data</c> and its checksum.</summary>
    public static byte[] Command(byte command, byte data)
    {
        var frame = new byte[] { Start1, Start2, command, 0x00, data, 0, 0 };
        var sum = Checksum(frame.AsSpan(2, 3));
        frame[5] = (byte)(sum >> 8);
        frame[6] = (byte)sum;
        return frame;
    }
}
