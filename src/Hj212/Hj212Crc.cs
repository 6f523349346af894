namespace SmartPark.Hj212;

/// <summary>
/// The CRC of HJ 212-2017 Annex A ("ANSI CRC16"). It is not CRC-16/MODBUS: each byte is XORed
/// into the register's high byte shifted down (<c>reg = (reg &gt;&gt; 8) ^ byte</c>), then the
/// register is shifted right 8 times with 0xA001. Covers the data segment only; written as 4
/// upper-case hex digits, high byte first. The standard's example frame gives <c>1C80</c>
/// (plain CRC-16/MODBUS over the same bytes gives <c>0759</c>).
/// </summary>
public static class Hj212Crc
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var register = 0xFFFF;
        foreach (var b in data)
        {
            register = (register >> 8) ^ b;
            for (var bit = 0; bit < 8; bit++)
            {
                var lsb = register & 1;
                register >>= 1;
                if (lsb != 0)
                    register ^= 0xA001;
            }
        }
        return (ushort)register;
    }

    /// <summary>The CRC as the frame carries it: 4 upper-case hex digits, high byte first.</summary>
    public static string Format(ushort crc) => crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    public static string ComputeText(ReadOnlySpan<byte> data) => Format(Compute(data));
}
