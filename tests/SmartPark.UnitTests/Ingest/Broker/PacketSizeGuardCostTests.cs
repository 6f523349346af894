using System.Diagnostics;
using SmartPark.Ingest.Broker.Transport;
using Xunit.Abstractions;

namespace SmartPark.UnitTests.Ingest.Broker;

/// <summary>The guard sits on every read of every broker connection: it must allocate nothing and cost little.</summary>
public sealed class PacketSizeGuardCostTests(ITestOutputHelper output)
{
    private const int Packets = 64 * 1024;

    /// <summary>67 MB: 65,536 PUBLISH packets of 1 KiB (2-byte length), as a busy connection would carry.</summary>
    private static byte[] Traffic()
    {
        const int body = 1024;
        var packet = new byte[3 + body];
        packet[0] = 0x32;
        packet[1] = (body % 128) | 0x80;
        packet[2] = body / 128;
        var data = new byte[Packets * packet.Length];
        for (var offset = 0; offset + packet.Length <= data.Length; offset += packet.Length)
            packet.CopyTo(data, offset);
        return data;
    }

    private static (long Allocated, TimeSpan Elapsed) ReadAll(Stream stream, byte[] buffer)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (stream.Read(buffer) > 0)
        {
        }
        return (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, clock.Elapsed);
    }

    [Fact]
    public async Task Reads_through_the_guard_allocate_nothing_per_read()
    {
        var data = Traffic();
        var buffer = new byte[4096]; // MQTTnet's read chunk
        using var bare = new MemoryStream(data);
        var (_, bareTime) = ReadAll(bare, buffer);

        using var inner = new MemoryStream(data);
        await using var guard = new PacketSizeGuardStream(inner, 1 << 20);
        var (allocated, guardedTime) = ReadAll(guard, buffer);

        Assert.Null(guard.Refusal);
        // 16,000+ reads: anything allocated per read would be hundreds of KB; a one-off (first-call setup) is tens of bytes.
        Assert.True(allocated < 256, $"{allocated} bytes allocated over {data.Length / buffer.Length} reads");
        Assert.Equal(Packets, guard.PacketsCompleted);

        inner.Position = 0;
        var asyncBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            _ = await guard.ReadAsync(buffer); // completes synchronously on a MemoryStream, as on a socket with data waiting
        var asyncAllocated = GC.GetAllocatedBytesForCurrentThread() - asyncBefore;
        Assert.True(asyncAllocated < 256, $"{asyncAllocated} bytes allocated over 1,000 asynchronous reads");

        output.WriteLine($"{data.Length / 1e6:0} MB in 4 KiB reads: bare {data.Length / bareTime.TotalSeconds / 1e9:0.00} GB/s, through the guard {data.Length / guardedTime.TotalSeconds / 1e9:0.00} GB/s ({guard.PacketsCompleted} packets)");
    }
}
