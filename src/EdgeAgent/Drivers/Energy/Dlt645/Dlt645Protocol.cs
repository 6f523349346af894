using System.Globalization;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>What a meter driver reads: the data identifier of a quantity and how its BCD value is laid out.</summary>
public sealed record Dlt645Item(string Quantity, uint DataId, int Bytes, int Decimals, bool Signed);

/// <summary>
/// One edition of DL/T 645 as the meter driver needs it. The editions share the framing
/// (<see cref="Dlt645Frame"/>: preamble, address, +0x33, checksum) and differ in data: the control
/// codes of a read, the width of a data identifier, and which identifiers hold which quantity in
/// which format. So an edition is a value, not a subclass: <see cref="Dlt645Protocol2007"/> and
/// <see cref="Dlt645Protocol1997"/> each build one, and <see cref="Dlt645Protocols"/> lists them.
/// </summary>
public sealed class Dlt645Protocol
{
    public Dlt645Protocol(string name, byte read, byte reply, byte replyMore, byte refused, int idBytes, IReadOnlyList<Dlt645Item> items)
    {
        if (idBytes is not (2 or 4))
            throw new ArgumentOutOfRangeException(nameof(idBytes), idBytes, "DL/T 645 data identifiers are 2 (1997) or 4 (2007) bytes");
        (Name, Read, Reply, ReplyMore, Refused, IdBytes, Items) = (name, read, reply, replyMore, refused, idBytes, items);
    }

    /// <summary>The year of the edition, as the <c>protocol</c> setting names it.</summary>
    public string Name { get; }

    /// <summary>Control code of a read request.</summary>
    public byte Read { get; }

    /// <summary>Control code of a normal read reply.</summary>
    public byte Reply { get; }

    /// <summary>A normal reply with more frames to follow (the first frame still holds the value).</summary>
    public byte ReplyMore { get; }

    /// <summary>The abnormal reply: its one data byte holds error flags (0x02: no such data).</summary>
    public byte Refused { get; }

    /// <summary>Bytes of a data identifier on the wire, low byte first.</summary>
    public int IdBytes { get; }

    /// <summary>What a meter is read for, one request each.</summary>
    public IReadOnlyList<Dlt645Item> Items { get; }

    /// <summary>A read request for <paramref name="dataId"/>, with the wake-up preamble.</summary>
    public byte[] ReadRequest(string address, uint dataId) => Dlt645Frame.Request(address, Read, IdOnWire(dataId));

    /// <summary>Whether a reply's DATA (0x33 removed) begins with <paramref name="dataId"/> echoed.</summary>
    public bool Echoes(ReadOnlySpan<byte> data, uint dataId) =>
        data.Length >= IdBytes && data[..IdBytes].SequenceEqual(IdOnWire(dataId));

    /// <summary>The identifier as printed in the edition's tables: 00010000, 9010.</summary>
    public string Hex(uint dataId) => dataId.ToString(IdBytes == 4 ? "X8" : "X4", CultureInfo.InvariantCulture);

    public override string ToString() => "DL/T 645-" + Name;

    private byte[] IdOnWire(uint dataId)
    {
        var bytes = new byte[IdBytes];
        for (var i = 0; i < IdBytes; i++)
            bytes[i] = (byte)(dataId >> (8 * i));
        return bytes;
    }
}
