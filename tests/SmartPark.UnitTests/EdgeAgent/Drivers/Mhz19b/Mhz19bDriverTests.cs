using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers.Mhz19b;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Mhz19b;

public class Mhz19bDriverTests
{
    private static byte[] Answer(int ppm, int checksumError = 0)
    {
        var frame = new byte[] { 0xFF, 0x86, (byte)(ppm >> 8), (byte)ppm, 0x47, 0x00, 0x00, 0x00, 0 };
        frame[8] = (byte)(Mhz19bFrame.Checksum(frame) + checksumError);
        return frame;
    }

    private static FakeSerialStream Port(Func<byte[]> answer) =>
        new() { Respond = cmd => cmd[2] == Mhz19bFrame.ReadCo2 ? answer() : null };

    [Fact]
    public void The_read_command_is_the_datasheet_frame()
    {
        Assert.Equal([0xFF, 0x01, 0x86, 0x00, 0x00, 0x00, 0x00, 0x00, 0x79], Mhz19bFrame.Command(Mhz19bFrame.ReadCo2));
        Assert.Equal([0xFF, 0x01, 0x79, 0x00, 0x00, 0x00, 0x00, 0x00, 0x86], Mhz19bFrame.Command(Mhz19bFrame.SetAutoBaseline, 0x00));
    }

    [Fact]
    public void It_switches_automatic_baseline_off_then_reads_co2()
    {
        var port = Port(() => Answer(612));
        var driver = new Mhz19bDriver(Options("mhz19b"), port);
        Assert.Equal(new SensorValueTuple("co2", 612, DataFlag.Normal), SensorValueTuple.Of(Assert.Single(driver.Read(At))));
        Assert.Equal(Mhz19bFrame.Command(Mhz19bFrame.SetAutoBaseline, 0x00), port.Written[0]);
        Assert.Equal(Mhz19bFrame.Command(Mhz19bFrame.ReadCo2), port.Written[1]);
    }

    [Fact]
    public void Automatic_baseline_can_be_left_on()
    {
        var port = Port(() => Answer(400));
        _ = new Mhz19bDriver(Options("mhz19b", ("autoBaseline", "true")), port);
        Assert.Equal(0xA0, port.Written[0][3]);
    }

    [Fact]
    public void A_checksum_error_names_the_bytes()
    {
        var driver = new Mhz19bDriver(Options("mhz19b"), Port(() => Answer(612, checksumError: 3)));
        var ex = Assert.Throws<InvalidDataException>(() => driver.Read(At));
        Assert.Contains("checksum", ex.Message);
        Assert.Contains("FF86026447", ex.Message);
    }

    [Fact]
    public void Stray_bytes_before_the_answer_are_skipped()
    {
        var driver = new Mhz19bDriver(Options("mhz19b"), Port(() => [0x12, 0xFF, 0x00, .. Answer(733)]));
        Assert.Equal(733, Assert.Single(driver.Read(At)).Value);
    }

    [Fact]
    public void At_the_top_of_the_range_the_reading_is_flagged_over_range()
    {
        var driver = new Mhz19bDriver(Options("mhz19b", ("rangePpm", "2000")), Port(() => Answer(2000)));
        Assert.Equal(DataFlag.OverRange, Assert.Single(driver.Read(At)).Flag);
    }

    [Fact]
    public void No_answer_is_an_io_error_naming_the_port()
    {
        var driver = new Mhz19bDriver(Options("mhz19b", ("port", "/dev/ttyAMA3")), new FakeSerialStream());
        var ex = Assert.Throws<IOException>(() => driver.Read(At));
        Assert.Contains("MH-Z19B on /dev/ttyAMA3", ex.Message);
    }

    private readonly record struct SensorValueTuple(string Quantity, double Value, string Flag)
    {
        public static SensorValueTuple Of(SmartPark.EdgeAgent.Drivers.SensorValue v) => new(v.Quantity, v.Value, v.Flag);
    }
}
