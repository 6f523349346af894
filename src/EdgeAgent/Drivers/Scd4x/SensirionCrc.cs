namespace SmartPark.EdgeAgent.Drivers.Scd4x;

/// <summary>Sensirion's CRC-8 over each 16-bit word: polynomial 0x31, init 0xFF, no reflection.</summary>
public static class SensirionCrc
{
    public static byte Compute(byte msb, byte lsb)
    {
        byte crc = 0xFF;
        foreach (var b in (ReadOnlySpan<byte>)[msb, lsb])
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
        }
        return crc;
    }
}
