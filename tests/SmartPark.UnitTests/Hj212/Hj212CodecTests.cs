using System.Text;
using SmartPark.Hj212;

namespace SmartPark.UnitTests.Hj212;

public class Hj212CodecTests
{
    /// <summary>HJ 212-2017 Annex A's example (its text says 1C08; the frame and the arithmetic say 1C80).</summary>
    public const string StandardExample = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    [Fact]
    public void The_standards_example_frame_decodes_with_length_0101_and_crc_1C80()
    {
        var result = Hj212Decoder.Decode(StandardExample);

        Assert.True(result.IsValid, result.Summary);
        Assert.Equal((101, 101, "1C80", "1C80"), (result.DeclaredLength!.Value, result.ActualLength, result.DeclaredCrc!, result.ComputedCrc!));
        var p = result.Packet!;
        Assert.Equal(("20160801085857223", "32", "1062", "100000", "010000A8900016F000169DC0", 5), (p.Qn, p.St, p.Cn, p.Pw, p.Mn, p.Flag!.Value));
        Assert.Equal("30", Hj212Cp.Parse(p.Cp).Get("RtdInterval"));
        Assert.True(p.AsksAck);
        Assert.Equal(Hj212Version.V2017, Hj212Flag.Version(p.Flag.Value));
    }

    [Fact]
    public void Encoding_the_standards_example_packet_gives_the_same_bytes()
    {
        var packet = new Hj212Packet { Qn = "20160801085857223", St = "32", Cn = "1062", Pw = "100000", Mn = "010000A8900016F000169DC0", Flag = 5, Cp = "RtdInterval=30" };
        Assert.Equal(StandardExample, Hj212Encoder.Frame(packet));
    }

    [Fact]
    public void The_crc_is_not_crc16_modbus()
    {
        var segment = Encoding.ASCII.GetBytes(StandardExample[6..^6]);
        Assert.Equal(0x1C80, Hj212Crc.Compute(segment));
        Assert.NotEqual(0x0759, Hj212Crc.Compute(segment)); // what CRC-16/MODBUS gives
    }

    [Fact]
    public void A_lowercase_crc_is_accepted()
    {
        Assert.True(Hj212Decoder.Decode(StandardExample.Replace("1C80", "1c80", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void A_wrong_length_is_reported_with_both_numbers()
    {
        var result = Hj212Decoder.Decode(StandardExample.Replace("##0101", "##0102", StringComparison.Ordinal));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(Hj212ProblemKind.LengthMismatch, problem.Kind);
        Assert.Equal("length field says 0102 but the data segment has 101 bytes", problem.Message);
    }

    [Fact]
    public void A_wrong_crc_is_reported_with_both_values()
    {
        var result = Hj212Decoder.Decode(StandardExample.Replace("Flag=5", "Flag=4", StringComparison.Ordinal));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(Hj212ProblemKind.CrcMismatch, problem.Kind);
        Assert.Matches("^CRC field says 1C80 but the data segment's CRC is [0-9A-F]{4}$", problem.Message);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var frame = Hj212Encoder.Frame("QN=20160801085857223;ST=32;CN=2011;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&");
        var result = Hj212Decoder.Decode(frame);
        Assert.Equal("field PW is missing", Assert.Single(result.Problems).Message);
        Assert.Null(result.Packet);
    }

    [Fact]
    public void An_oversize_data_segment_is_reported()
    {
        var frame = Hj212Encoder.Frame(new Hj212Packet { St = "27", Cn = "2011", Pw = "123456", Mn = "A1", Flag = 4, Cp = "x=" + new string('1', 1100) });
        var result = Hj212Decoder.Decode(frame);
        Assert.Contains(result.Problems, p => p.Kind == Hj212ProblemKind.Oversize && p.Message.Contains("exceeds 1024", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", Hj212ProblemKind.TooShort)]
    [InlineData("##0000\r\n", Hj212ProblemKind.TooShort)]
    [InlineData("xx0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n", Hj212ProblemKind.MissingHeader)]
    [InlineData("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\n\n", Hj212ProblemKind.MissingTrailer)]
    [InlineData("##01a1QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n", Hj212ProblemKind.BadLengthField)]
    [InlineData("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1CXX\r\n", Hj212ProblemKind.BadCrcField)]
    public void Broken_framing_is_named(string frame, Hj212ProblemKind kind)
    {
        var result = Hj212Decoder.Decode(frame);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Kind == kind);
    }

    [Theory]
    [InlineData("QN=2016;ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&&&", "QN '2016' is not a time YYYYMMDDhhmmsszzz")]
    [InlineData("ST=32;CN=20111;PW=123456;MN=A1;Flag=4;CP=&&&&", "CN '20111' is not 4 digits")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=256;CP=&&&&", "Flag '256' is not a whole number from 0 to 255")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=6;CP=&&&&", "Flag=6 marks a split packet but PNUM or PNO is missing")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=4;PNUM=2;PNO=1;CP=&&&&", "PNUM/PNO given but Flag's D bit (split packet) is not set")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=4;XX=1;CP=&&&&", "unknown field 'XX=1' before CP")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&a24088-Rtd&&", "CP: 'a24088-Rtd' is not Name=value")]
    [InlineData("ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&x=1", "CP is not enclosed in && … && at the end of the data segment")]
    public void Malformed_fields_are_named(string segment, string expected)
    {
        var result = Hj212Decoder.Decode(Hj212Encoder.Frame(segment));
        Assert.True(result.FramingHolds);
        Assert.Equal(expected, Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Chinese_text_counts_in_utf8_bytes()
    {
        var packet = new Hj212Packet { Qn = "20260101000000000", St = "27", Cn = "3020", Pw = "123456", Mn = "A1", Flag = 4, Cp = "i12001-Info=石门园区" };
        var frame = Hj212Encoder.Frame(packet);
        var result = Hj212Decoder.Decode(frame);
        Assert.True(result.IsValid, result.Summary);
        Assert.Equal(Encoding.UTF8.GetByteCount(Hj212Encoder.DataSegment(packet)), result.ActualLength);
        Assert.Equal(packet, result.Packet);
    }

    [Theory]
    [InlineData(Hj212Version.V2005, false, false, 0)]
    [InlineData(Hj212Version.V2017, false, false, 4)]
    [InlineData(Hj212Version.V2017, true, false, 5)]
    [InlineData(Hj212Version.V2017, false, true, 6)]
    [InlineData(Hj212Version.V2017, true, true, 7)]
    [InlineData(Hj212Version.V2025, false, false, 8)]
    [InlineData(Hj212Version.V2025, true, false, 9)]
    public void Flag_carries_version_split_and_ack_bits(Hj212Version version, bool ack, bool split, int flag)
    {
        Assert.Equal(flag, Hj212Flag.Of(version, ack, split));
        Assert.Equal((version, ack, split), (Hj212Flag.Version(flag)!.Value, Hj212Flag.AsksAck(flag), Hj212Flag.IsSplit(flag)));
    }

    [Fact]
    public void A_long_data_upload_is_split_into_packets_with_pnum_pno_and_the_data_time_in_each()
    {
        var items = new List<IReadOnlyList<Hj212Field>> { new[] { new Hj212Field("DataTime", "20260101080000") } };
        for (var i = 0; i < 30; i++)
        {
            var code = $"a{25000 + i}";
            items.Add([new($"{code}-Min", "1.1"), new($"{code}-Avg", "2.2"), new($"{code}-Max", "3.3"), new($"{code}-Flag", "N")]);
        }
        var packet = new Hj212Packet { Qn = "20260101090000001", St = "27", Cn = "2061", Pw = "123456", Mn = "010000A8900016F000169DC0", Flag = 5, Cp = Hj212Cp.Format(items) };

        var packets = Hj212Encoder.Split(packet);

        Assert.True(packets.Count > 1);
        var pollutants = new List<string>();
        for (var i = 0; i < packets.Count; i++)
        {
            var decoded = Hj212Decoder.Decode(Hj212Encoder.Frame(packets[i]));
            Assert.True(decoded.IsValid, decoded.Summary);
            Assert.True(decoded.ActualLength <= 1024);
            var p = decoded.Packet!;
            Assert.Equal((7, packets.Count, i + 1), (p.Flag!.Value, p.PacketCount!.Value, p.PacketNumber!.Value));
            Assert.Equal($"202601010900000{i + 1:D2}", p.Qn);
            var cp = Hj212Cp.Parse(p.Cp);
            Assert.Equal("20260101080000", cp.Get("DataTime"));
            pollutants.AddRange(cp.Fields.Select(f => f.Name).Where(n => n.EndsWith("-Avg", StringComparison.Ordinal)));
        }
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"a{25000 + i}-Avg"), pollutants);
    }

    [Fact]
    public void A_packet_that_fits_is_not_split()
    {
        var packet = new Hj212Packet { Qn = "20160801085857223", St = "32", Cn = "1062", Pw = "100000", Mn = "010000A8900016F000169DC0", Flag = 5, Cp = "RtdInterval=30" };
        Assert.Same(packet, Assert.Single(Hj212Encoder.Split(packet)));
    }
}
