using SmartPark.Ingest.Broker.Transport;

namespace SmartPark.UnitTests.Ingest.Broker;

/// <summary>The fixed-header parser the broker's transport runs on every byte MQTTnet reads.</summary>
public sealed class MqttFixedHeaderScannerTests
{
    /// <summary>MQTT's variable-length encoding, written independently of the scanner: 7 bits a byte, least significant first.</summary>
    private static byte[] EncodeLength(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value % 128);
            value /= 128;
            if (value > 0)
                b |= 0x80;
            bytes.Add(b);
        }
        while (value > 0);
        return [.. bytes];
    }

    private static byte[] Packet(byte type, int bodyLength) =>
        [type, .. EncodeLength(bodyLength), .. new byte[bodyLength]];

    // The edges of each encoding width: 1 byte up to 127, 2 to 16,383, 3 to 2,097,151, 4 to 268,435,455.
    public static TheoryData<int, int> Lengths => new()
    {
        { 0, 1 }, { 1, 1 }, { 127, 1 },
        { 128, 2 }, { 16_383, 2 },
        { 16_384, 3 }, { 2_097_151, 3 },
        { 2_097_152, 4 }, { 268_435_455, 4 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_encoding_width_is_decoded_to_its_value(int length, int width)
    {
        var header = EncodeLength(length);
        Assert.Equal(width, header.Length);

        // The limit exactly at the length: accepted, and the packet ends where its body does.
        var atLimit = new MqttFixedHeaderScanner(length);
        Assert.Equal(FixedHeaderVerdict.Ok, atLimit.Scan([0x30, .. header]));
        Assert.Equal(length, atLimit.LastRemainingLength);
        Assert.Equal(length == 0 ? 1 : 0, atLimit.PacketsCompleted);

        if (length > 0)
        {
            // One below: refused on the header alone, no body needed.
            var belowLimit = new MqttFixedHeaderScanner(length - 1);
            Assert.Equal(FixedHeaderVerdict.TooLarge, belowLimit.Scan([0x30, .. header]));
        }
    }

    [Fact]
    public void A_claim_of_256_MiB_is_refused_before_its_last_length_byte()
    {
        // 256 MiB - 1 = 0xFF 0xFF 0xFF 0x7F: over a 1 MiB limit after the third byte, so MQTTnet
        // (which reads the length byte by byte through the guard) never gets the fourth.
        var scanner = new MqttFixedHeaderScanner(1 << 20);
        Assert.Equal(FixedHeaderVerdict.Ok, scanner.Scan([0x10, 0xFF, 0xFF]));
        Assert.Equal(FixedHeaderVerdict.TooLarge, scanner.Scan([0xFF]));
    }

    [Fact]
    public void A_fifth_length_byte_is_malformed()
    {
        var scanner = new MqttFixedHeaderScanner(int.MaxValue);
        Assert.Equal(FixedHeaderVerdict.Malformed, scanner.Scan([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]));
    }

    [Fact]
    public void Zero_continued_length_bytes_are_not_mistaken_for_a_short_length()
    {
        // 0x80 0x80 0x80 0x00 is a (non-minimal) encoding of 0 in four bytes: MQTTnet accepts it, so must we.
        var scanner = new MqttFixedHeaderScanner(16);
        Assert.Equal(FixedHeaderVerdict.Ok, scanner.Scan([0xC0, 0x80, 0x80, 0x80, 0x00]));
        Assert.Equal(1, scanner.PacketsCompleted);
    }

    [Fact]
    public void A_stream_split_at_every_possible_point_gives_the_same_packets()
    {
        var stream = (byte[])[.. Packet(0x10, 40), .. Packet(0xC0, 0), .. Packet(0x32, 300), .. Packet(0x30, 20_000), .. Packet(0xE0, 0)];
        for (var chunk = 1; chunk <= 9; chunk++)
        {
            var scanner = new MqttFixedHeaderScanner(20_000);
            for (var offset = 0; offset < stream.Length; offset += chunk)
                Assert.Equal(FixedHeaderVerdict.Ok, scanner.Scan(stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset))));
            Assert.Equal(5, scanner.PacketsCompleted);
        }
        for (var split = 0; split <= 400; split++)
        {
            var scanner = new MqttFixedHeaderScanner(20_000);
            Assert.Equal(FixedHeaderVerdict.Ok, scanner.Scan(stream.AsSpan(0, split)));
            Assert.Equal(FixedHeaderVerdict.Ok, scanner.Scan(stream.AsSpan(split)));
            Assert.Equal(5, scanner.PacketsCompleted);
        }
    }

    [Fact]
    public void An_oversized_packet_after_good_ones_is_refused_wherever_the_reads_split()
    {
        var stream = (byte[])[.. Packet(0x10, 40), .. Packet(0x30, 100), 0x30, .. EncodeLength(5_000)];
        for (var split = 0; split <= stream.Length; split++)
        {
            var scanner = new MqttFixedHeaderScanner(4_096);
            var first = scanner.Scan(stream.AsSpan(0, split));
            var verdict = first == FixedHeaderVerdict.Ok ? scanner.Scan(stream.AsSpan(split)) : first;
            Assert.Equal(FixedHeaderVerdict.TooLarge, verdict);
            Assert.Equal(2, scanner.PacketsCompleted);
        }
    }
}
