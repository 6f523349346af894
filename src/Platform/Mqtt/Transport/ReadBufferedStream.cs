namespace SmartPark.Platform.Mqtt.Transport;

/// <summary>
/// A stream over a socket that serves reads from a buffer filled by as few receive calls as
/// possible, and passes writes straight through (so an acknowledgement is never held back).
/// MQTTnet reads each packet's two-byte fixed header and then its body with separate reads; on
/// a bare <see cref="System.Net.Sockets.NetworkStream"/> that is two or more recv system calls
/// per message, which perf showed as the largest kernel cost of a busy subscriber. Here one recv
/// brings in every packet the kernel already holds.
/// (<see cref="BufferedStream"/> would also hold writes back until a flush MQTTnet never calls.)
/// </summary>
public class ReadBufferedStream(Stream inner, int bufferSize = 64 * 1024) : Stream
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;

    public Stream Inner => inner;

    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
            return 0;
        if (_start == _end)
        {
            // A read as large as the buffer gains nothing from copying through it.
            if (destination.Length >= _buffer.Length)
                return await inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
            _start = 0;
            _end = await inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (_end == 0)
                return 0;
        }
        return TakeBuffered(destination.Span);
    }

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        if (_start == _end)
        {
            if (destination.Length >= _buffer.Length)
                return inner.Read(destination);
            _start = 0;
            _end = inner.Read(_buffer);
            if (_end == 0)
                return 0;
        }
        return TakeBuffered(destination);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int TakeBuffered(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(source, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> source) => inner.Write(source);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
