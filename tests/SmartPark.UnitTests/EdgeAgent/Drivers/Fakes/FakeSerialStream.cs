namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

/// <summary>
/// The sensor end of a UART. What the driver writes is logged and handed to <see cref="Respond"/>,
/// whose bytes the driver then reads. With nothing to read it throws <see cref="TimeoutException"/>,
/// as <c>SerialPort</c>'s stream does when its read timeout expires.
/// </summary>
public sealed class FakeSerialStream : Stream
{
    private readonly Queue<byte> _incoming = new();

    /// <summary>The sensor's answer to a command the driver wrote (null: no answer).</summary>
    public Func<byte[], byte[]?>? Respond { get; set; }

    public List<byte[]> Written { get; } = [];

    public bool Disposed { get; private set; }

    public void Enqueue(params byte[] bytes)
    {
        foreach (var b in bytes)
            _incoming.Enqueue(b);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_incoming.Count == 0)
            throw new TimeoutException("The operation has timed out.");
        var n = 0;
        while (n < count && _incoming.Count > 0)
            buffer[offset + n++] = _incoming.Dequeue();
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var frame = buffer.AsSpan(offset, count).ToArray();
        Written.Add(frame);
        if (Respond?.Invoke(frame) is { } answer)
            Enqueue(answer);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
