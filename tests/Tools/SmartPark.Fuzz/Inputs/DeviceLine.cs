using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.Fuzz.Inputs;

/// <summary>
/// What a device on a serial line sends back, as bytes: the reply to each request comes from
/// <c>reply</c>, handed out in chunks as a USB adapter delivers them. When <c>babble</c> is set the
/// device never stops talking (the reply repeats forever), the way a line with a second master or
/// a broken transceiver behaves; otherwise silence times out. A parser that reads more than
/// <see cref="ReadBudget"/> bytes for one request would never end on a babbling line: that is a
/// violation, not a wait.
/// </summary>
public sealed class DeviceLine(Func<byte[], byte[]> reply, bool babble, int chunk, int baudRate = 9600) : ISerialLine
{
    public const int ReadBudget = 1 << 16;

    private byte[] _pending = [];
    private int _at;
    private long _readSinceWrite;

    public string Name => "/dev/ttyFUZZ0";

    public int BaudRate => baudRate;

    public void Write(ReadOnlySpan<byte> data)
    {
        _pending = reply(data.ToArray());
        _at = 0;
        _readSinceWrite = 0;
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (_at >= _pending.Length)
        {
            if (!babble || _pending.Length == 0)
                throw new TimeoutException("The operation has timed out.");
            _at = 0;
        }
        var n = Math.Min(Math.Min(buffer.Length, chunk), _pending.Length - _at);
        _pending.AsSpan(_at, n).CopyTo(buffer);
        _at += n;
        _readSinceWrite += n;
        if (_readSinceWrite > ReadBudget)
            throw new PropertyViolation($"read {_readSinceWrite} bytes for one request without giving up: would never end on a babbling line");
        return n;
    }

    public void DiscardInput()
    {
        // Nothing has arrived unasked: the reply is produced by the request.
    }

    public void Dispose()
    {
    }
}

/// <summary>The same device end as a <see cref="Stream"/>, for the UART sensors' drivers.</summary>
public sealed class DeviceStream(Func<byte[], byte[]> reply, bool babble) : Stream
{
    private readonly DeviceLine _line = new(reply, babble, int.MaxValue);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => _line.Read(buffer.AsSpan(offset, count), TimeSpan.FromSeconds(1));

    public override void Write(byte[] buffer, int offset, int count) => _line.Write(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
