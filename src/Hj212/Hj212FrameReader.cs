namespace SmartPark.Hj212;

/// <summary>
/// Cuts a TCP byte stream into frames. A frame starts at <c>##</c> and ends at the CR LF its
/// length field points to, or else at the next CR LF (so a frame with a wrong length is still
/// handed over whole, for the decoder to say what is wrong). Bytes before a <c>##</c> are dropped
/// and counted. A frame whose length field says more than the standard's 1024-byte data segment,
/// or that has no end within <see cref="MaxFrameBytes"/>, is refused (counted in
/// <see cref="RefusedFrames"/>) and the search goes on after its <c>##</c>.
/// <para>
/// Whatever arrives, each byte is examined a bounded number of times: the searches for
/// <c>##</c> and for CR LF each remember how far they got, so a peer that sends garbage, a huge
/// length or <c>##</c> after <c>##</c> costs linear time (<see cref="BytesExamined"/>), and the
/// buffer never holds more than one frame's worth beyond what the last <see cref="Append"/> brought.
/// </para>
/// </summary>
public sealed class Hj212FrameReader
{
    /// <summary>The longest frame the standard allows: header, length, 1024-byte data segment, CRC, CR LF.</summary>
    public const int MaxFrameBytes = Hj212Encoder.FrameOverheadBytes + Hj212Encoder.MaxDataSegmentBytes;

    private const int HeaderBytes = 6; // "##" and the 4-digit length
    private const int InitialBytes = 4096;
    private const int ShrinkAboveBytes = 64 * 1024;

    private byte[] _buffer = new byte[InitialBytes];
    private int _start;
    private int _end;

    /// <summary>True when <c>_start</c> is a <c>##</c> whose frame end is being looked for.</summary>
    private bool _inFrame;

    /// <summary>Offset from <c>_start</c> where the search for CR LF resumes: none starts between
    /// the frame's header and it. Kept when a frame is refused, so the next one does not rescan.</summary>
    private int _crlfScanned;

    /// <summary>Bytes thrown away because they were not part of any frame (refused frames included).</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Frames refused: a length field over the standard's maximum, or no end within <see cref="MaxFrameBytes"/>.</summary>
    public long RefusedFrames { get; private set; }

    /// <summary>Bytes the searches have looked at: linear in what was appended, whatever it was.</summary>
    public long BytesExamined { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        var pending = _end - _start;
        if (_end + data.Length > _buffer.Length)
        {
            var target = pending + data.Length > _buffer.Length
                ? new byte[Math.Max(_buffer.Length * 2, pending + data.Length)]
                : _buffer;
            _buffer.AsSpan(_start, pending).CopyTo(target);
            _buffer = target;
            _start = 0;
            _end = pending;
        }
        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }

    /// <summary>The next complete frame (CR LF included), or null until more bytes arrive.</summary>
    public byte[]? TryRead()
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            if (!_inFrame)
            {
                var header = span.IndexOf("##"u8);
                BytesExamined += header < 0 ? span.Length : header + 2;
                if (header < 0)
                {
                    // Keep a trailing '#': it may be the first half of the next header.
                    Discard(span.Length - (span.Length > 0 && span[^1] == (byte)'#' ? 1 : 0));
                    ShrinkIfIdle();
                    return null;
                }
                Discard(header);
                _inFrame = true;
                continue;
            }
            if (span.Length < HeaderBytes)
                return null;
            var hasLength = TryLength(span[2..HeaderBytes], out var length);
            if (hasLength && length > Hj212Encoder.MaxDataSegmentBytes)
            {
                Refuse();
                continue;
            }
            if (hasLength)
            {
                var end = Hj212Encoder.FrameOverheadBytes + length;
                if (span.Length >= end && span[end - 2] == (byte)'\r' && span[end - 1] == (byte)'\n')
                    return Take(end);
            }
            var from = Math.Max(_crlfScanned, 2);
            var limit = Math.Min(span.Length, MaxFrameBytes);
            var crlf = from < limit ? span[from..limit].IndexOf("\r\n"u8) : -1;
            if (crlf >= 0)
            {
                BytesExamined += crlf + 2;
                return Take(from + crlf + 2);
            }
            BytesExamined += Math.Max(0, limit - from);
            // The last byte may be the CR of a CR LF still to come.
            _crlfScanned = Math.Max(from, limit - 1);
            if (span.Length < MaxFrameBytes)
                return null;
            Refuse();
        }
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

    private byte[] Take(int bytes)
    {
        var frame = _buffer.AsSpan(_start, bytes).ToArray();
        Consume(bytes);
        _inFrame = false;
        return frame;
    }

    /// <summary>Not a frame: drop its <c>##</c> and look for the next one.</summary>
    private void Refuse()
    {
        RefusedFrames++;
        Discard(2);
        _inFrame = false;
    }

    private void Discard(int bytes)
    {
        DiscardedBytes += bytes;
        Consume(bytes);
    }

    private void Consume(int bytes)
    {
        _start += bytes;
        _crlfScanned = Math.Max(0, _crlfScanned - bytes);
        if (_start == _end)
            _start = _end = 0;
    }

    /// <summary>After one huge append, go back to a small buffer once it is empty again.</summary>
    private void ShrinkIfIdle()
    {
        if (_buffer.Length > ShrinkAboveBytes && _end - _start <= 1)
        {
            var small = new byte[InitialBytes];
            _buffer.AsSpan(_start, _end - _start).CopyTo(small);
            _end -= _start;
            _start = 0;
            _buffer = small;
        }
    }
}
