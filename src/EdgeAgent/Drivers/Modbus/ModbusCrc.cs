namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>
/// CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF): the check an RTU frame ends with, low
/// byte first. Table-driven because a meter poll computes it twice per request.
/// </summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        return crc;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 4 && Compute(frame[..^2]) == (ushort)(frame[^2] | (frame[^1] << 8));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            table[i] = crc;
        }
        return table;
    }
}
