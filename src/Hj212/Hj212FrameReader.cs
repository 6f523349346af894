namespace SmartPark.Hj212;

/// <summary>
/// Cuts a TCP byte stream into frames. A frame starts at <c>##</c> and ends at the CR LF its
/// length field points to, or else at the next CR LF (so a frame with a wrong length is still
/// handed over whole, for the decoder to say what is wrong). Bytes before a <c>##</c> and runs
/// longer than <see cref="MaxFrameBytes"/> without an end are dropped and counted.
/// </summary>
public sealed class Hj212FrameReader
{
    /// <summary>The longest frame the 4-digit length field can describe.</summary>
    public const int MaxFrameBytes = Hj212Encoder.FrameOverheadBytes + 9999;

    private byte[] _buffer = new byte[4096];
    private int _count;

    /// <summary>Bytes thrown away because they were not part of any frame.</summary>
    public long DiscardedBytes { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_count + data.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + data.Length));
        data.CopyTo(_buffer.AsSpan(_count));
        _count += data.Length;
    }

    /// <summary>The next complete frame (CR LF included), or null until more bytes arrive.</summary>
    public byte[]? TryRead()
    {
        while (true)
        {
            var span = _buffer.AsSpan(0, _count);
            var start = span.IndexOf("##"u8);
            if (start < 0)
            {
                // Keep a trailing '#': it may be the first half of the next header.
                var keep = _count > 0 && span[^1] == (byte)'#' ? 1 : 0;
                Discard(_count - keep);
                return null;
            }
            if (start > 0)
            {
                Discard(start);
                continue;
            }
            var end = FrameEnd(span);
            if (end < 0)
            {
                if (_count > MaxFrameBytes)
                {
                    Discard(2); // not a frame: look for the next header
                    continue;
                }
                return null;
            }
            var frame = span[..end].ToArray();
            Consume(end);
            return frame;
        }
    }

    /// <summary>Where the frame at the start of <paramref name="span"/> ends, or -1 when not yet known.</summary>
    private static int FrameEnd(ReadOnlySpan<byte> span)
    {
        if (span.Length >= 6 && TryLength(span[2..6], out var length))
        {
            var end = 6 + length + 4 + 2;
            if (span.Length >= end && span[end - 2] == (byte)'\r' && span[end - 1] == (byte)'\n')
                return end;
        }
        var crlf = span.IndexOf("\r\n"u8);
        return crlf < 0 ? -1 : crlf + 2;
    }

    private static bool TryLength(ReadOnlySpan<byte> field, out int length)
    {
        length = 0;
        foreach (var b in field)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
            length = (length * 10) + (b - '0');
        }
        return true;
    }

    private void Discard(int bytes)
    {
        DiscardedBytes += bytes;
        Consume(bytes);
    }

    private void Consume(int bytes)
    {
        _buffer.AsSpan(bytes, _count - bytes).CopyTo(_buffer);
        _count -= bytes;
    }
}
