using System.Diagnostics;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>
/// Modbus RTU on an RS-485 line: <c>unit | PDU | CRC-16 (low byte first)</c>. Frames are
/// separated by at least 3.5 character times of silence (fixed 1.75 ms above 19,200 baud, per the
/// Modbus serial line spec §2.5.1.1), so the next request waits that long after the last byte
/// seen. The reply's length is known from its first bytes, so exactly one frame is read. The
/// strict 1.5-character inter-byte limit cannot be kept from user space (USB adapters deliver in
/// 1–16 ms chunks); a frame that stalls longer than the frame gap timeout (default
/// <see cref="DefaultFrameGapTimeout"/>) is dropped instead.
/// </summary>
public sealed class ModbusRtuTransport : IModbusTransport
{
    /// <summary>Longest pause tolerated inside one reply frame, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultFrameGapTimeout = TimeSpan.FromMilliseconds(100);

    private readonly ISerialLine _line;
    private readonly TimeSpan _responseTimeout;
    private readonly TimeSpan _silence;
    private readonly TimeSpan _frameGapTimeout;
    private long _lastActivity;

    public ModbusRtuTransport(ISerialLine line, TimeSpan responseTimeout, int bitsPerCharacter = 11, TimeSpan? frameGapTimeout = null)
    {
        _line = line;
        _responseTimeout = responseTimeout;
        _silence = InterFrameSilence(line.BaudRate, bitsPerCharacter);
        _frameGapTimeout = frameGapTimeout ?? DefaultFrameGapTimeout;
    }

    public string Endpoint => _line.Name;

    /// <summary>3.5 character times, or 1.75 ms at baud rates above 19,200.</summary>
    public static TimeSpan InterFrameSilence(int baudRate, int bitsPerCharacter = 11) =>
        baudRate > 19_200 ? TimeSpan.FromMicroseconds(1750) : TimeSpan.FromSeconds(3.5 * bitsPerCharacter / baudRate);

    public byte[] Exchange(byte unit, ReadOnlySpan<byte> requestPdu)
    {
        if (unit is 0 or > 247)
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "an RTU unit address is 1..247 (0 is broadcast, which gets no reply)");
        var frame = new byte[requestPdu.Length + 3];
        frame[0] = unit;
        requestPdu.CopyTo(frame.AsSpan(1));
        var crc = ModbusCrc.Compute(frame.AsSpan(0, frame.Length - 2));
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);

        WaitForSilence();
        _line.DiscardInput();
        _line.Write(frame);
        try
        {
            return ReadReply(unit);
        }
        finally
        {
            _lastActivity = Stopwatch.GetTimestamp();
        }
    }

    public void Dispose() => _line.Dispose();

    private byte[] ReadReply(byte unit)
    {
        // unit, function, and the byte that tells the length (byte count or exception code)
        var head = new byte[3];
        ReadExactly(head, 0, _responseTimeout, unit);
        var pduLength = ModbusPdu.ReplyLength(head[1], head[2]);
        var reply = new byte[1 + pduLength + 2];
        head.CopyTo(reply, 0);
        ReadExactly(reply, head.Length, _frameGapTimeout, unit);

        if (!ModbusCrc.IsValid(reply))
            throw new ModbusProtocolException($"Modbus reply on {_line.Name} failed its CRC check ({Convert.ToHexString(reply)}): check termination, baud rate and parity");
        if (reply[0] != unit)
            throw new ModbusProtocolException($"Modbus reply on {_line.Name} came from unit {reply[0]}, not {unit}: two meters share an address?");
        return reply[1..^2];
    }

    private void ReadExactly(byte[] buffer, int from, TimeSpan firstByteTimeout, byte unit)
    {
        var at = from;
        while (at < buffer.Length)
        {
            var timeout = at == from ? firstByteTimeout : _frameGapTimeout;
            int n;
            try
            {
                n = _line.Read(buffer.AsSpan(at), timeout);
            }
            catch (TimeoutException) when (at == 0)
            {
                throw new TimeoutException($"Modbus unit {unit} on {_line.Name}: no reply within {_responseTimeout.TotalMilliseconds:0} ms (wrong unit address, baud rate or wiring A/B swapped?)");
            }
            catch (TimeoutException)
            {
                throw new ModbusProtocolException($"Modbus reply on {_line.Name} broke off after {at} of {buffer.Length} bytes");
            }
            at += n;
        }
    }

    private void WaitForSilence()
    {
        var due = _lastActivity + (long)(_silence.TotalSeconds * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (_lastActivity != 0 && wait > TimeSpan.Zero)
            Thread.Sleep(wait);
    }
}
