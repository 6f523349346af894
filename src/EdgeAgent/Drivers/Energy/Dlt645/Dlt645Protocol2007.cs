using SmartPark.Contracts.Quantities;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// DL/T 645-2007 (standards.md §4.1), the factory default of CHINT's DTSU666/DDSU666 and of most
/// meters sold since: read 0x11, reply 0x91 (0xB1 with more to follow), refusal 0xD1, four-byte
/// identifiers.
/// </summary>
public static class Dlt645Protocol2007
{
    public static Dlt645Protocol Protocol { get; } = new("2007",
        read: Dlt645Frame.ReadData, reply: Dlt645Frame.ReadReply, replyMore: Dlt645Frame.ReadReplyMore, refused: Dlt645Frame.ReadRefused,
        idBytes: 4,
        items:
        [
            new(QuantityCatalogue.Energy.Name, 0x00010000, 4, 2, false),   // forward active total, XXXXXX.XX kWh
            new(QuantityCatalogue.Power.Name, 0x02030000, 3, 4, true),     // total active power, XX.XXXX kW
            new(QuantityCatalogue.Voltage.Name, 0x02010100, 2, 1, false),  // phase A, XXX.X V
            new(QuantityCatalogue.Current.Name, 0x02020100, 3, 3, true),   // phase A, XXX.XXX A
        ]);
}
