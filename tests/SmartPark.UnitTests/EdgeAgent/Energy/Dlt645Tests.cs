using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

public sealed class Dlt645Tests
{
    private const string Address = "000012345678";

    /// <summary>A meter's read reply for <paramref name="dataId"/> carrying <paramref name="value"/> (already BCD, low byte first).</summary>
    private static byte[] Reply(string address, byte control, uint dataId, params byte[] value)
    {
        var frame = new List<byte> { 0x68 };
        frame.AddRange(Dlt645Frame.EncodeAddress(address));
        frame.Add(0x68);
        frame.Add(control);
        var data = control == Dlt645Frame.ReadRefused ? value : [.. BitConverter.GetBytes(dataId), .. value];
        frame.Add((byte)data.Length);
        frame.AddRange(data.Select(b => (byte)(b + 0x33)));
        frame.Add(Dlt645Frame.Checksum(frame.ToArray()));
        frame.Add(0x16);
        return [0xFE, 0xFE, .. frame];   // meters often echo the wake-up bytes
    }

    [Fact]
    public void The_read_request_matches_the_published_vector()
    {
        Assert.Equal("FEFEFEFE68AAAAAAAAAAAA68110433333433AE16",
            Convert.ToHexString(Dlt645Frame.ReadRequest(Dlt645Frame.Wildcard, 0x00010000)));
        Assert.Equal(0xAD, Dlt645Frame.ReadRequest(Dlt645Frame.Wildcard, 0x00000000)[^2]);
    }

    [Fact]
    public void The_address_goes_low_byte_first()
    {
        Assert.Equal("785634120000", Convert.ToHexString(Dlt645Frame.EncodeAddress(Address)));
        Assert.Throws<ArgumentException>(() => Dlt645Frame.EncodeAddress("12345"));
    }

    [Theory]
    [InlineData("67452301", 2, false, 1234567.0 / 100)]
    [InlineData("0123", 1, false, 230.1)]
    [InlineData("002081", 3, true, -12.0)]    // sign in the top bit
    [InlineData("345612", 4, true, 12.5634)]
    public void Bcd_values_decode_with_implied_decimals_and_sign(string lowFirst, int decimals, bool signed, double expected) =>
        Assert.Equal(expected, Dlt645Frame.DecodeBcd(Convert.FromHexString(lowFirst), decimals, signed), precision: 6);

    [Fact]
    public void Non_bcd_bytes_are_refused() =>
        Assert.Throws<Dlt645Exception>(() => Dlt645Frame.DecodeBcd([0x1A], 0, false));

    [Fact]
    public void The_driver_reads_energy_power_voltage_and_current()
    {
        var answers = new Dictionary<uint, byte[]>
        {
            [0x00010000] = [0x67, 0x45, 0x23, 0x01],   // 012345.67 kWh
            [0x02030000] = [0x00, 0x50, 0x12],         // 12.5000 kW
            [0x02010100] = [0x01, 0x23],               // 230.1 V
            [0x02020100] = [0x00, 0x40, 0x05],         // 054.000 A
        };
        var line = new ScriptedSerialLine(request =>
        {
            var di = BitConverter.ToUInt32([.. request.AsSpan(14, 4).ToArray().Select(b => (byte)(b - 0x33))]);
            return Reply(Address, Dlt645Frame.ReadReply, di, answers[di]);
        });
        using var driver = new Dlt645MeterDriver("meter-2", SharedBus<Dlt645Client>.Private(new Dlt645Client(line, TimeSpan.FromSeconds(1))), Address, MeterCalibration.None);

        var values = driver.Read(DateTimeOffset.UnixEpoch).ToDictionary(v => v.Quantity, v => v.Value);

        Assert.Equal(12345.67, values["energy"], precision: 6);
        Assert.Equal(12.5, values["power"], precision: 6);
        Assert.Equal(230.1, values["voltage"], precision: 6);
        Assert.Equal(54, values["current"], precision: 6);
        Assert.Equal(4, line.Written.Count);
    }

    [Fact]
    public void A_refusal_and_a_reply_from_another_meter_are_errors()
    {
        var refused = new ScriptedSerialLine(_ => Reply(Address, Dlt645Frame.ReadRefused, 0, 0x02));
        using var client = new Dlt645Client(refused, TimeSpan.FromSeconds(1));
        Assert.Contains("refused 00010000", Assert.Throws<Dlt645Exception>(() => client.Read(Address, 0x00010000)).Message);

        var stranger = new ScriptedSerialLine(_ => Reply("000000000001", Dlt645Frame.ReadReply, 0x00010000, 0, 0, 0, 0));
        using var other = new Dlt645Client(stranger, TimeSpan.FromSeconds(1));
        Assert.Contains("000000000001", Assert.Throws<Dlt645Exception>(() => other.Read(Address, 0x00010000)).Message);
    }

    [Fact]
    public void A_bad_checksum_is_caught()
    {
        var line = new ScriptedSerialLine(_ =>
        {
            var reply = Reply(Address, Dlt645Frame.ReadReply, 0x00010000, 1, 2, 3, 4);
            reply[^2]++;
            return reply;
        });
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(1));

        Assert.Contains("checksum", Assert.Throws<Dlt645Exception>(() => client.Read(Address, 0x00010000)).Message);
    }
}
