using SmartPark.EdgeAgent.Drivers.Pms5003;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Pms5003;

public class Pms5003DriverTests
{
    /// <summary>A data frame as the sensor sends it: 42 4D 00 1C, 13 words, checksum.</summary>
    private static byte[] DataFrame(ushort pm1Cf, ushort pm25Cf, ushort pm10Cf, ushort pm1, ushort pm25, ushort pm10, int checksumError = 0)
    {
        var words = new ushort[] { pm1Cf, pm25Cf, pm10Cf, pm1, pm25, pm10, 1200, 350, 60, 12, 3, 1, 0x9700 };
        var frame = new List<byte> { 0x42, 0x4D, 0x00, 0x1C };
        foreach (var w in words)
        {
            frame.Add((byte)(w >> 8));
            frame.Add((byte)w);
        }
        var sum = frame.Sum(b => b) + checksumError;
        frame.Add((byte)(sum >> 8));
        frame.Add((byte)sum);
        return [.. frame];
    }

    // The passive-mode command's 8-byte acknowledgement: 42 4D 00 04 E1 00 + checksum.
    private static readonly byte[] ModeAck = [0x42, 0x4D, 0x00, 0x04, 0xE1, 0x00, 0x01, 0x74];

    [Fact]
    public void Commands_are_the_datasheet_frames_with_their_checksums()
    {
        Assert.Equal([0x42, 0x4D, 0xE1, 0x00, 0x00, 0x01, 0x70], PmsFrame.Command(0xE1, 0x00));
        Assert.Equal([0x42, 0x4D, 0xE2, 0x00, 0x00, 0x01, 0x71], PmsFrame.Command(0xE2, 0x00));
    }

    [Fact]
    public void It_switches_to_passive_mode_asks_for_a_frame_and_reports_atmospheric_pm()
    {
        var port = new FakeSerialStream();
        port.Respond = cmd => cmd[2] == 0xE1 ? ModeAck : DataFrame(10, 15, 20, 8, 12, 18);
        var driver = new Pms5003Driver(Options("pms5003"), port);
        var values = driver.Read(At);
        Assert.Equal([0x42, 0x4D, 0xE1, 0x00, 0x00, 0x01, 0x70], port.Written[0]);
        Assert.Equal([0x42, 0x4D, 0xE2, 0x00, 0x00, 0x01, 0x71], port.Written[1]);
        Assert.Equal([("pm25", 12.0), ("pm10", 18.0)], values.Select(v => (v.Quantity, v.Value)));
    }

    [Fact]
    public void Cf1_values_and_calibration_are_configurable()
    {
        var port = new FakeSerialStream { Respond = cmd => cmd[2] == 0xE1 ? null : DataFrame(10, 15, 20, 8, 12, 18) };
        var driver = new Pms5003Driver(Options("pms5003", ("values", "cf1"), ("pm25.scale", "0.8")), port);
        Assert.Equal([12.0, 20.0], driver.Read(At).Select(v => v.Value));
    }

    [Fact]
    public void A_frame_cut_short_fails_its_checksum_rather_than_giving_wrong_values()
    {
        // A frame interrupted after 10 bytes, then a whole one: the 28 bytes after the first
        // header mix both frames, and the sum exposes it.
        var port = new FakeSerialStream { Respond = cmd => cmd[2] == 0xE1 ? null : [.. DataFrame(1, 1, 1, 1, 1, 1)[..10], .. DataFrame(5, 6, 7, 5, 6, 7)] };
        var ex = Assert.Throws<InvalidDataException>(() => new Pms5003Driver(Options("pms5003"), port).Read(At));
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void Leading_noise_bytes_are_skipped()
    {
        var port = new FakeSerialStream { Respond = cmd => cmd[2] == 0xE1 ? null : [0x00, 0xFF, 0x42, 0x00, .. DataFrame(5, 6, 7, 5, 6, 7)] };
        Assert.Equal([6.0, 7.0], new Pms5003Driver(Options("pms5003"), port).Read(At).Select(v => v.Value));
    }

    [Fact]
    public void A_checksum_error_is_reported_with_both_sums()
    {
        var port = new FakeSerialStream { Respond = cmd => cmd[2] == 0xE1 ? null : DataFrame(10, 15, 20, 8, 12, 18, checksumError: 1) };
        var ex = Assert.Throws<InvalidDataException>(() => new Pms5003Driver(Options("pms5003", ("port", "/dev/ttyUSB0")), port).Read(At));
        Assert.Contains("PMS5003 on /dev/ttyUSB0", ex.Message);
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void Silence_on_the_line_names_the_wiring_to_check()
    {
        var port = new FakeSerialStream();
        var ex = Assert.Throws<IOException>(() => new Pms5003Driver(Options("pms5003"), port).Read(At));
        Assert.Contains("no answer", ex.Message);
        Assert.Contains("RX", ex.Message);
    }

    [Fact]
    public void A_wrong_length_field_is_refused()
    {
        var frame = DataFrame(1, 2, 3, 4, 5, 6);
        var ex = Assert.Throws<InvalidDataException>(() => PmsFrame.Parse([0x00, 0x1A, .. frame[4..]]));
        Assert.Contains("length 26", ex.Message);
    }
}
