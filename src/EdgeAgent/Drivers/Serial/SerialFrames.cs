namespace SmartPark.EdgeAgent.Drivers.Serial;

/// <summary>Byte-level helpers for the UART sensors' request/response frames.</summary>
public static class SerialFrames
{
    /// <summary>
    /// Reads until <paramref name="header"/> has arrived, skipping anything before it (a frame
    /// cut in half when the agent started, line noise), and gives up after
    /// <paramref name="maxSkipped"/> bytes so a babbling line cannot hold the sampler forever.
    /// </summary>
    public static void SyncTo(Stream stream, ReadOnlySpan<byte> header, int maxSkipped, string device)
    {
        var matched = 0;
        for (var seen = 0; seen <= maxSkipped + header.Length; seen++)
        {
            var b = ReadByte(stream, device);
            if (b == header[matched])
            {
                if (++matched == header.Length)
                    return;
            }
            else
            {
                matched = b == header[0] ? 1 : 0;
            }
        }
        throw new InvalidDataException($"{device}: no frame header {Convert.ToHexString(header)} within {maxSkipped} bytes (wrong baud rate, or TX/RX swapped?)");
    }

    public static void ReadExactly(Stream stream, Span<byte> buffer, string device)
    {
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)ReadByte(stream, device);
    }

    private static int ReadByte(Stream stream, string device)
    {
        int b;
        try
        {
            b = stream.ReadByte();
        }
        catch (TimeoutException ex)
        {
            throw new IOException($"{device}: no answer within the read timeout (check power, that the sensor's TX goes to the Pi's RX and RX to TX, and the baud rate)", ex);
        }
        return b >= 0 ? b : throw new EndOfStreamException($"{device}: the serial port closed");
    }
}
