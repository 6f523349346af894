using SmartPark.Contracts.Quantities;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// DL/T 645-1997, still spoken by older meters in village parks: read 0x01, reply 0x81 (0xA1 with
/// more to follow), refusal 0xC1, two-byte identifiers (9010, B611…). The framing is 2007's.
/// Its formats are coarser than 2007's (voltage in whole volts, current to 0.01 A) and carry no
/// sign: the edition defines none, so power and current read as magnitudes.
/// </summary>
public static class Dlt645Protocol1997
{
    public const byte ReadData = 0x01;
    public const byte ReadReply = 0x81;
    public const byte ReadReplyMore = 0xA1;
    public const byte ReadRefused = 0xC1;

    public static Dlt645Protocol Protocol { get; } = new("1997",
        read: ReadData, reply: ReadReply, replyMore: ReadReplyMore, refused: ReadRefused,
        idBytes: 2,
        items:
        [
            new(QuantityCatalogue.Energy.Name, 0x9010, 4, 2, false),    // forward active total, XXXXXX.XX kWh
            new(QuantityCatalogue.Power.Name, 0xB630, 3, 4, false),     // total active power, XX.XXXX kW
            new(QuantityCatalogue.Voltage.Name, 0xB611, 2, 0, false),   // phase A (B612 B, B613 C), XXX V
            new(QuantityCatalogue.Current.Name, 0xB621, 2, 2, false),   // phase A (B622 B, B623 C), XX.XX A
        ]);
}
