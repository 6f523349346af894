using System.Runtime.CompilerServices;

namespace SmartPark.Ingest.Broker.Transport;

/// <summary>
/// The stream MQTTnet reads a broker connection from. Every byte it hands MQTTnet has gone
/// through a <see cref="MqttFixedHeaderScanner"/> first; when a packet claims more than the
/// limit (or its length is malformed) the connection is closed and MQTTnet is told the stream
/// ended, before it has read the whole remaining length and so before it allocates a body.
/// Also tells its owner when the first packet (CONNECT) has fully arrived, which ends the
/// connect deadline. Writes pass straight through.
/// </summary>
public sealed class PacketSizeGuardStream(Stream inner, int maxPacketBytes, Action? firstPacketArrived = null) : Stream
{
    private MqttFixedHeaderScanner _scanner = new(maxPacketBytes);
    private Action? _firstPacketArrived = firstPacketArrived;

    /// <summary>Why the connection was closed by this guard; null while it has not been.</summary>
    public FixedHeaderVerdict? Refusal { get; private set; }

    /// <summary>The remaining length the refused packet claimed (as far as it was read).</summary>
    public int RefusedLength => _scanner.LastRemainingLength;

    public long PacketsCompleted => _scanner.PacketsCompleted;

    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Pooled: every read of every connection passes here, and an asynchronous completion would otherwise box a state machine.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (Refusal is not null)
            return 0;
        var n = await inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        return Inspect(destination.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> destination)
    {
        if (Refusal is not null)
            return 0;
        var n = inner.Read(destination);
        return Inspect(destination[..n]);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>The bytes just read, or 0 (end of stream) if they make the connection unacceptable.</summary>
    private int Inspect(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty)
            return 0;
        var verdict = _scanner.Scan(read);
        if (verdict != FixedHeaderVerdict.Ok)
        {
            Refusal = verdict;
            // Closing the socket here, not only reporting the end: MQTTnet must not read on.
            inner.Dispose();
            return 0;
        }
        if (_firstPacketArrived is { } arrived && _scanner.PacketsCompleted > 0)
        {
            _firstPacketArrived = null;
            arrived();
        }
        return read.Length;
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
