namespace SmartPark.Hj212;

/// <summary>
/// One packet's data segment: <c>QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&amp;&amp;…&amp;&amp;</c>.
/// <see cref="Cp"/> is what sits between the two <c>&amp;&amp;</c> (see <see cref="Hj212Cp"/>).
/// QN and Flag are optional on the wire (HJ/T 212-2005 frames may lack them), so they are nullable.
/// </summary>
public sealed record Hj212Packet
{
    /// <summary>Request id, <c>YYYYMMDDhhmmsszzz</c> (see <see cref="Hj212Time"/>).</summary>
    public string? Qn { get; init; }

    /// <summary>System code, 2 characters (27 VOC monitoring, 31 air pollution source, 91 system interaction).</summary>
    public required string St { get; init; }

    /// <summary>Command code, 4 digits (see <see cref="Hj212Commands"/>).</summary>
    public required string Cn { get; init; }

    public required string Pw { get; init; }
    public required string Mn { get; init; }
    public int? Flag { get; init; }

    /// <summary>PNUM: packets in this message, when split.</summary>
    public int? PacketCount { get; init; }

    /// <summary>PNO: this packet's number (1-based), when split.</summary>
    public int? PacketNumber { get; init; }

    public string Cp { get; init; } = "";

    public bool AsksAck => Flag is { } flag && Hj212Flag.AsksAck(flag);
}
