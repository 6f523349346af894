using System.Globalization;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// DL/T 645 framing, the same in the 1997 and 2007 editions (standards.md §4.1):
/// <c>[FE FE FE FE] 68 A0..A5 68 C L DATA CS 16</c>. The address goes low byte first, every
/// DATA byte travels +0x33, and CS is the byte sum from the first 68 to the end of DATA. The
/// control codes below are 2007's; each edition's are in its <see cref="Dlt645Protocol"/>.
/// </summary>
public static class Dlt645Frame
{
    public const byte Start = 0x68;
    public const byte End = 0x16;
    public const byte Preamble = 0xFE;
    public const byte ReadData = 0x11;
    public const byte ReadReply = 0x91;
    public const byte ReadReplyMore = 0xB1;
    public const byte ReadRefused = 0xD1;

    /// <summary>The broadcast address: any single meter on the bus answers it.</summary>
    public const string Wildcard = "AAAAAAAAAAAA";

    /// <summary>The 6 address bytes, low byte first, from the 12 digits printed on the meter.</summary>
    public static byte[] EncodeAddress(string address)
    {
        if (address.Length != 12 || !address.All(c => char.IsAsciiDigit(c) || c is 'A' or 'a'))
            throw new ArgumentException($"a DL/T 645 address is the 12 digits on the meter's label (or {Wildcard}), not '{address}'", nameof(address));
        var bytes = Convert.FromHexString(address);
        Array.Reverse(bytes);
        return bytes;
    }

    /// <summary>A DL/T 645-2007 read request for data identifier <paramref name="dataId"/> (e.g. 0x00010000), with the wake-up preamble.</summary>
    public static byte[] ReadRequest(string address, uint dataId) => Dlt645Protocol2007.Protocol.ReadRequest(address, dataId);

    /// <summary>
    /// A request of any edition: preamble, address, control code <paramref name="control"/>, and
    /// <paramref name="data"/> (as meant, low byte first) sent +0x33, then the checksum and 16.
    /// </summary>
    public static byte[] Request(string address, byte control, ReadOnlySpan<byte> data)
    {
        var frame = new List<byte>(16 + data.Length) { Preamble, Preamble, Preamble, Preamble, Start };
        frame.AddRange(EncodeAddress(address));
        frame.Add(Start);
        frame.Add(control);
        frame.Add((byte)data.Length);
        foreach (var b in data)
            frame.Add((byte)(b + 0x33));
        frame.Add(Checksum(frame.ToArray().AsSpan(4)));
        frame.Add(End);
        return [.. frame];
    }

    public static byte Checksum(ReadOnlySpan<byte> fromFirstStart)
    {
        var sum = 0;
        foreach (var b in fromFirstStart)
            sum += b;
        return (byte)sum;
    }

    /// <summary>
    /// Checks a complete reply (from its first 68 to its 16) and returns its control code,
    /// address (as printed) and DATA with the 0x33 removed.
    /// </summary>
    public static (byte Control, string Address, byte[] Data) ParseReply(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 12 || frame[0] != Start || frame[7] != Start)
            throw new Dlt645Exception($"DL/T 645 reply does not start 68 …6 address bytes… 68: {Convert.ToHexString(frame)}");
        int length = frame[9];
        if (frame.Length != 12 + length)
            throw new Dlt645Exception($"DL/T 645 reply has L={length} but {frame.Length - 12} data bytes");
        if (frame[^1] != End)
            throw new Dlt645Exception($"DL/T 645 reply does not end with 16: {Convert.ToHexString(frame)}");
        var expected = Checksum(frame[..^2]);
        if (frame[^2] != expected)
            throw new Dlt645Exception($"DL/T 645 reply checksum is {frame[^2]:X2}, expected {expected:X2}: check the line (parity E, baud rate)");
        var address = frame.Slice(1, 6).ToArray();
        Array.Reverse(address);
        var data = frame.Slice(10, length).ToArray();
        for (var i = 0; i < data.Length; i++)
            data[i] -= 0x33;
        return (frame[8], Convert.ToHexString(address), data);
    }

    /// <summary>
    /// A BCD value sent low byte first, with <paramref name="decimals"/> implied decimals. Signed
    /// values (current, power) carry the sign in the top bit of the most significant byte.
    /// </summary>
    public static double DecodeBcd(ReadOnlySpan<byte> lowFirst, int decimals, bool signed)
    {
        var negative = false;
        long digits = 0;
        for (var i = lowFirst.Length - 1; i >= 0; i--)
        {
            var b = lowFirst[i];
            if (signed && i == lowFirst.Length - 1)
            {
                negative = (b & 0x80) != 0;
                b &= 0x7F;
            }
            int high = b >> 4, low = b & 0x0F;
            if (high > 9 || low > 9)
                throw new Dlt645Exception($"DL/T 645 value {Convert.ToHexString(lowFirst)} is not BCD");
            digits = (digits * 100) + (high * 10) + low;
        }
        var value = digits / Math.Pow(10, decimals);
        return negative ? -value : value;
    }

    public static string Hex(uint dataId) => dataId.ToString("X8", CultureInfo.InvariantCulture);
}

/// <summary>A DL/T 645 reply that is malformed, or the meter's refusal.</summary>
public sealed class Dlt645Exception(string message) : IOException(message);
