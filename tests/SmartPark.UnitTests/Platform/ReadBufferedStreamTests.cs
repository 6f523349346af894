using SmartPark.Platform.Mqtt.Transport;

namespace SmartPark.UnitTests.Platform;

public sealed class ReadBufferedStreamTests
{
    /// <summary>Counts the reads that reach the underlying stream, as recv calls would be counted.</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public int Reads { get; private set; }
        public List<byte[]> Written { get; } = [];

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Add(buffer.ToArray());
            return ValueTask.CompletedTask;
        }
    }

    private static byte[] Bytes(int n) => [.. Enumerable.Range(0, n).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task Small_reads_are_served_from_one_underlying_read_and_keep_the_bytes_in_order()
    {
        var data = Bytes(1000);
        var inner = new CountingStream(data);
        var stream = new ReadBufferedStream(inner, bufferSize: 4096);
        var got = new List<byte>();
        var piece = new byte[3];
        int n;
        while ((n = await stream.ReadAsync(piece)) > 0)
            got.AddRange(piece.AsSpan(0, n).ToArray());

        Assert.Equal(data, got);
        // One read filled the buffer with all 1000 bytes, one more found the end.
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task Reads_cross_buffer_refills_without_losing_or_repeating_bytes()
    {
        var data = Bytes(10_000);
        var stream = new ReadBufferedStream(new CountingStream(data), bufferSize: 64);
        var got = new List<byte>();
        var piece = new byte[50];
        int n;
        while ((n = await stream.ReadAsync(piece)) > 0)
            got.AddRange(piece.AsSpan(0, n).ToArray());

        Assert.Equal(data, got);
    }

    [Fact]
    public async Task A_read_at_least_as_large_as_the_buffer_goes_straight_to_the_inner_stream()
    {
        var data = Bytes(500);
        var inner = new CountingStream(data);
        var stream = new ReadBufferedStream(inner, bufferSize: 100);
        var big = new byte[400];

        var n = await stream.ReadAsync(big);

        Assert.Equal(400, n);
        Assert.Equal(data[..400], big);
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task Writes_pass_through_at_once_without_waiting_for_a_flush()
    {
        var inner = new CountingStream([]);
        var stream = new ReadBufferedStream(inner);

        await stream.WriteAsync(new byte[] { 0x40, 0x02, 0x00, 0x01 });

        var written = Assert.Single(inner.Written);
        Assert.Equal(new byte[] { 0x40, 0x02, 0x00, 0x01 }, written);
    }

    [Fact]
    public async Task End_of_stream_reads_as_zero()
    {
        var stream = new ReadBufferedStream(new CountingStream([]));
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }
}
