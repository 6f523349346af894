using SmartPark.Ingest.Broker.Transport;

namespace SmartPark.UnitTests.Ingest.Broker;

public sealed class PacketSizeGuardStreamTests
{
    /// <summary>Hands out at most <paramref name="chunk"/> bytes a read, as a socket may; remembers being closed.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public bool Closed { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);

        protected override void Dispose(bool disposing)
        {
            Closed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Reads as MQTTnet's channel adapter does: two header bytes, then the length one byte at a time.</summary>
    private static async Task<(int HeaderBytesSeen, bool Ended)> ReadHeaderLikeMqttNet(Stream stream)
    {
        var two = new byte[2];
        var got = 0;
        while (got < 2)
        {
            var n = await stream.ReadAsync(two.AsMemory(got));
            if (n == 0)
                return (got, true);
            got += n;
        }
        var one = new byte[1];
        var last = two[1];
        var seen = 2;
        while ((last & 0x80) != 0)
        {
            if (await stream.ReadAsync(one) == 0)
                return (seen, true);
            last = one[0];
            seen++;
        }
        return (seen, false);
    }

    [Fact]
    public async Task A_256_MiB_claim_ends_the_stream_before_the_reader_has_the_whole_length_and_closes_the_socket()
    {
        using var inner = new TrickleStream([0x10, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x04], chunk: 1);
        await using var guard = new PacketSizeGuardStream(inner, 1 << 20);

        var (seen, ended) = await ReadHeaderLikeMqttNet(guard);

        Assert.True(ended);
        Assert.True(seen < 5, $"the reader saw {seen} header bytes; the fifth completes the 256 MiB length");
        Assert.Equal(FixedHeaderVerdict.TooLarge, guard.Refusal);
        Assert.True(inner.Closed);
        Assert.Equal(0, await guard.ReadAsync(new byte[16]));
    }

    [Fact]
    public async Task Packets_within_the_limit_pass_unchanged_and_the_first_one_is_reported_once()
    {
        byte[] data = [0x10, 0x03, 1, 2, 3, 0xC0, 0x00, 0x30, 0x02, 9, 9];
        using var inner = new TrickleStream(data, chunk: 4);
        var arrivals = 0;
        await using var guard = new PacketSizeGuardStream(inner, 1024, () => arrivals++);

        var copy = new MemoryStream();
        await guard.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
        Assert.Null(guard.Refusal);
        Assert.Equal(3, guard.PacketsCompleted);
        Assert.Equal(1, arrivals);
    }

    [Fact]
    public async Task The_first_packet_is_not_reported_until_its_body_has_arrived()
    {
        using var inner = new TrickleStream([0x10, 0x03, 1, 2, 3], chunk: 2);
        var arrived = false;
        await using var guard = new PacketSizeGuardStream(inner, 1024, () => arrived = true);
        var buffer = new byte[8];

        Assert.Equal(2, await guard.ReadAsync(buffer)); // header
        Assert.Equal(2, await guard.ReadAsync(buffer)); // two of three body bytes
        Assert.False(arrived);
        Assert.Equal(1, await guard.ReadAsync(buffer));
        Assert.True(arrived);
    }
}
