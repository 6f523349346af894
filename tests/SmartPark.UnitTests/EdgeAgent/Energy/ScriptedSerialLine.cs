using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// A serial line whose far end is a function of what was written: the reply bytes are queued
/// and handed out at most <see cref="MaxChunk"/> at a time, as a USB adapter delivers them.
/// An empty queue times out at once (nothing will ever arrive), so tests never wait.
/// </summary>
internal sealed class ScriptedSerialLine(Func<byte[], byte[]?> respond, int baudRate = 9600) : ISerialLine
{
    private readonly Queue<byte> _incoming = new();

    public List<byte[]> Written { get; } = [];
    public int MaxChunk { get; set; } = int.MaxValue;
    public int Discards { get; private set; }
    public bool Disposed { get; private set; }

    public string Name => "/dev/ttyFAKE0";
    public int BaudRate => baudRate;

    /// <summary>Bytes already on the line before the next request (a late reply, noise).</summary>
    public void Inject(params byte[] bytes)
    {
        foreach (var b in bytes)
            _incoming.Enqueue(b);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        Written.Add(copy);
        if (respond(copy) is { } reply)
            Inject(reply);
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (_incoming.Count == 0)
            throw new TimeoutException("nothing on the line");
        var n = Math.Min(Math.Min(buffer.Length, MaxChunk), _incoming.Count);
        for (var i = 0; i < n; i++)
            buffer[i] = _incoming.Dequeue();
        return n;
    }

    public void DiscardInput()
    {
        Discards++;
        _incoming.Clear();
    }

    public void Dispose() => Disposed = true;
}
