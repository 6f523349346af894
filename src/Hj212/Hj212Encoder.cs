using System.Globalization;
using System.Text;

namespace SmartPark.Hj212;

/// <summary>
/// Builds frames: <c>##</c>, the data segment's length in bytes as 4 decimal digits, the data
/// segment, its CRC (<see cref="Hj212Crc"/>) and CR LF. Length and CRC count UTF-8 bytes (the
/// standard says "ASCII characters"; Chinese text is UTF-8).
/// </summary>
public static class Hj212Encoder
{
    /// <summary>The longest data segment a packet may carry.</summary>
    public const int MaxDataSegmentBytes = 1024;

    /// <summary>Header (<c>##</c> and length) plus CRC and trailer around the data segment.</summary>
    public const int FrameOverheadBytes = 2 + 4 + 4 + 2;

    public static string DataSegment(Hj212Packet packet)
    {
        var text = new StringBuilder(96 + packet.Cp.Length);
        if (packet.Qn is not null)
            text.Append("QN=").Append(packet.Qn).Append(';');
        text.Append("ST=").Append(packet.St).Append(';');
        text.Append("CN=").Append(packet.Cn).Append(';');
        text.Append("PW=").Append(packet.Pw).Append(';');
        text.Append("MN=").Append(packet.Mn).Append(';');
        if (packet.Flag is { } flag)
            text.Append("Flag=").Append(flag.ToString(CultureInfo.InvariantCulture)).Append(';');
        if (packet.PacketCount is { } count)
            text.Append("PNUM=").Append(count.ToString(CultureInfo.InvariantCulture)).Append(';');
        if (packet.PacketNumber is { } number)
            text.Append("PNO=").Append(number.ToString(CultureInfo.InvariantCulture)).Append(';');
        text.Append("CP=&&").Append(packet.Cp).Append("&&");
        return text.ToString();
    }

    /// <summary>The whole frame as text, CR LF included.</summary>
    public static string Frame(Hj212Packet packet) => Frame(DataSegment(packet));

    /// <summary>The frame around a data segment that is already built.</summary>
    public static string Frame(string dataSegment)
    {
        var bytes = Encoding.UTF8.GetBytes(dataSegment);
        if (bytes.Length > 9999)
            throw new ArgumentException($"a data segment of {bytes.Length} bytes does not fit the 4-digit length field", nameof(dataSegment));
        return "##" + bytes.Length.ToString("D4", CultureInfo.InvariantCulture) + dataSegment + Hj212Crc.ComputeText(bytes) + "\r\n";
    }

    public static byte[] FrameBytes(Hj212Packet packet) => Encoding.UTF8.GetBytes(Frame(packet));

    /// <summary>
    /// The packet as it goes on the wire: itself when its data segment fits 1024 bytes, otherwise
    /// split at item boundaries into packets with Flag's D bit, PNUM and PNO. Items without a
    /// pollutant field (no '-' in any name, e.g. <c>DataTime</c>) are repeated in every packet, as
    /// in the standard's Annex C example; packet n's QN is the first one plus n-1 milliseconds.
    /// Throws when one item alone cannot fit (our own data, never network input).
    /// </summary>
    public static IReadOnlyList<Hj212Packet> Split(Hj212Packet packet)
    {
        if (Encoding.UTF8.GetByteCount(DataSegment(packet)) <= MaxDataSegmentBytes)
            return [packet];
        var cp = Hj212Cp.Parse(packet.Cp);
        var shared = cp.Items.Where(i => i.All(f => !f.Name.Contains('-', StringComparison.Ordinal))).ToList();
        var spread = cp.Items.Where(i => i.Any(f => f.Name.Contains('-', StringComparison.Ordinal))).ToList();
        // Room for the CP content: the header with the widest PNUM/PNO this can need.
        var probe = packet with { Flag = (packet.Flag ?? 0) | Hj212Flag.SplitBit, PacketCount = 999, PacketNumber = 999, Cp = Hj212Cp.Format(shared) };
        var room = MaxDataSegmentBytes - Encoding.UTF8.GetByteCount(DataSegment(probe));
        var groups = new List<List<IReadOnlyList<Hj212Field>>>();
        var current = new List<IReadOnlyList<Hj212Field>>();
        var used = 0;
        foreach (var item in spread)
        {
            var size = Encoding.UTF8.GetByteCount(Hj212Cp.Format([item])) + 1;
            if (size > room)
                throw new ArgumentException($"CP item '{Hj212Cp.Format([item])}' does not fit one packet", nameof(packet));
            if (used + size > room && current.Count > 0)
            {
                groups.Add(current);
                current = [];
                used = 0;
            }
            current.Add(item);
            used += size;
        }
        if (current.Count > 0)
            groups.Add(current);
        var firstQn = Hj212Time.TryParseQn(packet.Qn, out var qnTime) ? qnTime : (DateTime?)null;
        return groups.Select((items, i) => packet with
        {
            Qn = firstQn is { } t ? Hj212Time.Qn(t.AddMilliseconds(i)) : packet.Qn,
            Flag = (packet.Flag ?? 0) | Hj212Flag.SplitBit,
            PacketCount = groups.Count,
            PacketNumber = i + 1,
            Cp = Hj212Cp.Format(shared.Concat(items)),
        }).ToList();
    }
}
