namespace SmartPark.Hj212;

/// <summary>
/// The Flag field, bits MSB→LSB <c>V5 V4 V3 V2 V1 V0 D A</c>: V the standard version, D the
/// packet is split and carries PNUM/PNO, A the sender asks for an acknowledgement. Under 2017,
/// Flag=4 asks nothing, 5 asks for an answer, 6 and 7 are split packets.
/// </summary>
public static class Hj212Flag
{
    public const int AckBit = 1;
    public const int SplitBit = 2;

    public static int Of(Hj212Version version, bool ack, bool split = false) =>
        ((int)version << 2) | (split ? SplitBit : 0) | (ack ? AckBit : 0);

    public static bool AsksAck(int flag) => (flag & AckBit) != 0;

    public static bool IsSplit(int flag) => (flag & SplitBit) != 0;

    /// <summary>The version bits as a number (0 = 2005, 1 = 2017, 2 = 2025; others are unknown versions).</summary>
    public static int VersionNumber(int flag) => (flag >> 2) & 0x3F;

    public static Hj212Version? Version(int flag) => VersionNumber(flag) switch
    {
        0 => Hj212Version.V2005,
        1 => Hj212Version.V2017,
        2 => Hj212Version.V2025,
        _ => null,
    };
}
