using System.Text;
using SmartPark.Hj212;

namespace SmartPark.UnitTests.Hj212;

/// <summary>
/// The frame reader's cost is linear in what arrives, whatever it is, measured by the bytes its
/// searches examine and by what it allocates, not by time; frames over the standard's maximum
/// are refused and the next good frame is still found.
/// </summary>
public sealed class Hj212FrameReaderTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int Chunk = 4096;

    private static readonly byte[] GoodFrame = Hj212Encoder.FrameBytes(new Hj212Packet
    {
        Qn = "20260101000000000",
        St = "31",
        Cn = Hj212Commands.RealTimeData,
        Pw = "123456",
        Mn = "010000A8900016F000169DC0",
        Flag = 5,
        Cp = "DataTime=20260101000000;a24088-Rtd=1.5,a24088-Flag=N",
    });

    /// <summary>Feeds <paramref name="stream"/> in socket-sized chunks, as the uplink and the bureau
    /// simulator do, and returns the frames and the bytes allocated meanwhile.</summary>
    private static (List<byte[]> Frames, long Allocated) Feed(Hj212FrameReader reader, byte[] stream, int chunk = Chunk)
    {
        var frames = new List<byte[]>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var at = 0; at < stream.Length; at += chunk)
        {
            reader.Append(stream.AsSpan(at, Math.Min(chunk, stream.Length - at)));
            while (reader.TryRead() is { } frame)
                frames.Add(frame);
        }
        return (frames, GC.GetAllocatedBytesForCurrentThread() - before - frames.Sum(f => (long)f.Length + 32));
    }

    private static byte[] Repeat(string pattern, int bytes)
    {
        var one = Encoding.ASCII.GetBytes(pattern);
        var stream = new byte[bytes];
        for (var i = 0; i < bytes; i++)
            stream[i] = one[i % one.Length];
        return stream;
    }

    [Fact]
    public void Ten_megabytes_without_a_header_are_examined_once_and_dropped_in_a_small_buffer()
    {
        var stream = new byte[TenMegabytes];
        new Random(212).NextBytes(stream);
        for (var i = 0; i < stream.Length; i++)
        {
            if (stream[i] == (byte)'#')
                stream[i] = (byte)'x';
        }
        var reader = new Hj212FrameReader();
        var (frames, allocated) = Feed(reader, stream);
        Assert.Empty(frames);
        Assert.Equal(stream.Length, reader.DiscardedBytes);
        Assert.InRange(reader.BytesExamined, stream.Length, stream.Length + 8);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Theory]
    [InlineData("#")] // a header at every byte, never a length
    [InlineData("##9999")] // a length over the standard's 1024, again and again
    [InlineData("##0100")] // a plausible length, but never a CR LF
    [InlineData("##0100abc\r")] // CRs that are never followed by LF
    public void Ten_megabytes_of_headers_without_frames_cost_linear_work(string pattern)
    {
        var stream = Repeat(pattern, TenMegabytes);
        var reader = new Hj212FrameReader();
        var (frames, allocated) = Feed(reader, stream);
        Assert.Empty(frames);
        Assert.True(reader.RefusedFrames > 0);
        // Each byte is looked at by the header search and by the CR LF search at most: 2n, plus a
        // constant per refused frame.
        Assert.InRange(reader.BytesExamined, 1, (2L * stream.Length) + (8 * reader.RefusedFrames));
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void A_largest_frame_arriving_a_byte_at_a_time_is_examined_in_linear_time()
    {
        const string Start = "QN=20260101000000000;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&";
        var data = Start + new string('1', Hj212Encoder.MaxDataSegmentBytes - Start.Length - 2) + "&&";
        var packetBytes = Encoding.ASCII.GetBytes(data);
        Assert.Equal(Hj212Encoder.MaxDataSegmentBytes, packetBytes.Length);
        // A wrong length field, so the reader has to look for the CR LF as bytes come.
        var frame = Encoding.ASCII.GetBytes("##0000" + data + "ABCD\r\n");
        var reader = new Hj212FrameReader();
        var (frames, _) = Feed(reader, frame, chunk: 1);
        Assert.Equal(frame, Assert.Single(frames));
        Assert.InRange(reader.BytesExamined, frame.Length, 2L * frame.Length);
    }

    [Fact]
    public void A_length_over_the_standards_maximum_is_refused_and_the_next_frame_read()
    {
        var oversize = Encoding.ASCII.GetBytes("##1025" + new string('a', 1025) + "ABCD\r\n");
        var stream = oversize.Concat(GoodFrame).ToArray();
        var reader = new Hj212FrameReader();
        var (frames, _) = Feed(reader, stream, chunk: 7);
        Assert.Equal(GoodFrame, Assert.Single(frames));
        Assert.Equal(1, reader.RefusedFrames);
        Assert.Equal(oversize.Length, reader.DiscardedBytes);
    }

    [Fact]
    public void A_run_without_an_end_is_refused_after_the_largest_frame_and_the_next_frame_read()
    {
        var endless = Encoding.ASCII.GetBytes("##0050" + new string('a', 5000));
        var stream = endless.Concat(GoodFrame).ToArray();
        var reader = new Hj212FrameReader();
        var (frames, _) = Feed(reader, stream, chunk: 100);
        Assert.Equal(GoodFrame, Assert.Single(frames));
        Assert.Equal(1, reader.RefusedFrames);
    }

    [Fact]
    public void A_frame_with_a_wrong_length_still_ends_at_its_CR_LF_for_the_decoder_to_judge()
    {
        var text = Encoding.ASCII.GetString(GoodFrame);
        var wrong = Encoding.ASCII.GetBytes("##0999" + text[6..]);
        var reader = new Hj212FrameReader();
        var (frames, _) = Feed(reader, wrong.Concat(GoodFrame).ToArray(), chunk: 5);
        Assert.Equal([wrong, GoodFrame], frames);
        Assert.Contains(Hj212Decoder.Decode(frames[0]).Problems, p => p.Kind == Hj212ProblemKind.LengthMismatch);
    }

    [Fact]
    public void One_huge_append_is_read_and_the_buffer_shrinks_back()
    {
        var frames = Enumerable.Repeat(GoodFrame, 5_000).SelectMany(f => f).ToArray();
        var reader = new Hj212FrameReader();
        reader.Append(frames);
        var read = 0;
        while (reader.TryRead() is { } frame)
        {
            Assert.Equal(GoodFrame, frame);
            read++;
        }
        Assert.Equal(5_000, read);
        Assert.InRange(reader.BytesExamined, 1, 2L * frames.Length);
        var (_, allocated) = Feed(reader, GoodFrame);
        Assert.InRange(allocated, 0, 16 * 1024);
    }
}
