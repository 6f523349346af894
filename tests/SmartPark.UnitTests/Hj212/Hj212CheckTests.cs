using SmartPark.Hj212;

namespace SmartPark.UnitTests.Hj212;

public class Hj212CheckTests
{
    [Fact]
    public void Good_frames_pass_and_exit_zero()
    {
        using var output = new StringWriter();
        var code = Hj212Check.Run(Hj212CodecTests.StandardExample + Hj212CodecTests.StandardExample.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", output);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 1: ok: length 0101, CRC 1C80 (CN=1062 MN=010000A8900016F000169DC0 QN=20160801085857223)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("line 2: ok", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 frame(s): 2 good, 0 bad", lines[2].TrimEnd());
    }

    [Fact]
    public void A_bad_frame_says_why_and_exits_non_zero()
    {
        var badLength = Hj212CodecTests.StandardExample.Replace("##0101", "##0100", StringComparison.Ordinal);
        var badCrc = Hj212CodecTests.StandardExample.Replace("1C80", "1C08", StringComparison.Ordinal);
        using var output = new StringWriter();
        var code = Hj212Check.Run(Hj212CodecTests.StandardExample + badLength + badCrc, output);

        Assert.Equal(1, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal("line 2: BAD: length field says 0100 but the data segment has 101 bytes", lines[1]);
        Assert.Equal("line 3: BAD: CRC field says 1C08 but the data segment's CRC is 1C80", lines[2]);
        Assert.Equal("3 frame(s): 1 good, 2 bad", lines[3]);
    }
}
