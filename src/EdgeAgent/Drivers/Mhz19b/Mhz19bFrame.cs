namespace SmartPark.EdgeAgent.Drivers.Mhz19b;

/// <summary>
/// Winsen MH-Z19B 9-byte frames: <c>FF</c>, sensor number or command, six data bytes and a
/// checksum that is the two's complement of the sum of bytes 1–7. Reading CO2 is command
/// <c>86</c>; the answer is <c>FF 86 HH LL …</c> with CO2 = HH × 256 + LL ppm.
/// </summary>
public static class Mhz19bFrame
{
    public const byte Start = 0xFF;
    public const byte ReadCo2 = 0x86;
    public const byte SetAutoBaseline = 0x79;
    public const int Length = 9;

    public static byte Checksum(ReadOnlySpan<byte> frame)
    {
        byte sum = 0;
        for (var i = 1; i < 8; i++)
            sum += frame[i];
        return (byte)(0xFF - sum + 1);
    }

    public static byte[] Command(byte command, byte data0 = 0)
    {
        var frame = new byte[] { Start, 0x01, command, data0, 0, 0, 0, 0, 0 };
        frame[8] = Checksum(frame);
        return frame;
    }

    /// <summary>The CO2 ppm in a full 9-byte answer to <see cref="ReadCo2"/>.</summary>
    public static int ParseCo2(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != Length || frame[0] != Start || frame[1] != ReadCo2)
            throw new InvalidDataException($"MH-Z19B answer {Convert.ToHexString(frame)} is not a CO2 reading (FF 86 …)");
        var expected = Checksum(frame);
        if (frame[8] != expected)
            throw new InvalidDataException($"MH-Z19B checksum 0x{frame[8]:X2} should be 0x{expected:X2} ({Convert.ToHexString(frame)})");
        return (frame[2] << 8) | frame[3];
    }
}
