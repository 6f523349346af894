using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// Reads data identifiers from DL/T 645 meters on a serial line: sends the request of the meter's
/// edition (<see cref="Dlt645Protocol"/>), skips the FE wake-up bytes the meter may echo, reads
/// exactly one frame by its L byte, and checks that it is the answer to this request (address,
/// the edition's control code, the DI echoed). Meters of both editions may share one bus.
/// </summary>
public sealed class Dlt645Client(ISerialLine line, TimeSpan timeout) : IDisposable
{
    private static readonly TimeSpan ByteGap = TimeSpan.FromMilliseconds(200);

    /// <summary>Bytes tolerated before a reply's first 68: the FE wake-up preamble (4) and some line noise.</summary>
    public const int MaxSkippedBeforeFrame = 256;

    public string Endpoint => line.Name;

    /// <summary>The value bytes (0x33 removed, DI stripped) for DL/T 645-2007 <paramref name="dataId"/>.</summary>
    public byte[] Read(string address, uint dataId) => Read(Dlt645Protocols.Default, address, dataId);

    /// <summary>The value bytes (0x33 removed, DI stripped) for <paramref name="dataId"/> of <paramref name="protocol"/>.</summary>
    public byte[] Read(Dlt645Protocol protocol, string address, uint dataId)
    {
        line.DiscardInput();
        line.Write(protocol.ReadRequest(address, dataId));

        // Skip the preamble (and any noise) up to the first 68, but not for ever: a line that
        // keeps talking without a 68 (another master, a broken transceiver) would otherwise hold
        // the poller past every timeout, since each read returns at once.
        var one = new byte[1];
        var deadline = DateTime.UtcNow + timeout;
        var skipped = 0;
        do
        {
            if (skipped++ > MaxSkippedBeforeFrame || (skipped > 1 && DateTime.UtcNow > deadline))
                throw new Dlt645Exception($"DL/T 645 meter on {line.Name}: no frame start (68) for {protocol.Hex(dataId)} within {MaxSkippedBeforeFrame} bytes or {timeout.TotalMilliseconds:0} ms of noise (two masters on the bus, or a wrong baud rate?)");
            ReadExactly(one, DateTime.UtcNow > deadline ? TimeSpan.Zero : deadline - DateTime.UtcNow, protocol, dataId);
        }
        while (one[0] != Dlt645Frame.Start);

        var head = new byte[10];
        head[0] = Dlt645Frame.Start;
        ReadExactly(head.AsSpan(1), ByteGap, protocol, dataId);
        var frame = new byte[12 + head[9]];
        head.CopyTo(frame, 0);
        ReadExactly(frame.AsSpan(10), ByteGap, protocol, dataId);

        var (control, replyAddress, data) = Dlt645Frame.ParseReply(frame);
        if (address != Dlt645Frame.Wildcard && !string.Equals(replyAddress, address, StringComparison.OrdinalIgnoreCase))
            throw new Dlt645Exception($"DL/T 645 reply on {line.Name} came from meter {replyAddress}, not {address}");
        if (control == protocol.Refused)
            throw new Dlt645Exception($"DL/T 645 meter {address} on {line.Name} refused {protocol.Hex(dataId)} (error flags 0x{(data.Length > 0 ? data[0] : 0):X2}; 0x02 means it has no such data)");
        if (control != protocol.Reply && control != protocol.ReplyMore)
            throw new Dlt645Exception($"DL/T 645 reply on {line.Name} has control code {control:X2}, not a {protocol} read reply ({protocol.Reply:X2}; is the meter's protocol setting right?)");
        if (!protocol.Echoes(data, dataId))
            throw new Dlt645Exception($"DL/T 645 reply on {line.Name} does not answer {protocol.Hex(dataId)}");
        return data[protocol.IdBytes..];
    }

    public void Dispose() => line.Dispose();

    private void ReadExactly(Span<byte> buffer, TimeSpan firstTimeout, Dlt645Protocol protocol, uint dataId)
    {
        var at = 0;
        while (at < buffer.Length)
        {
            try
            {
                at += line.Read(buffer[at..], at == 0 ? firstTimeout : ByteGap);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"DL/T 645 meter on {line.Name} did not answer {protocol.Hex(dataId)} in time (address, baud rate, parity E?)");
            }
        }
    }
}
