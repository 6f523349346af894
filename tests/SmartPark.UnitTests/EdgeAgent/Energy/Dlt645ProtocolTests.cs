using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// The DL/T 645 editions (<see cref="Dlt645Protocol"/>). The 1997 frames below are written out
/// by hand from the standard: control 01/81/C1, two-byte identifiers low byte first, every DATA
/// byte +0x33, CS the byte sum from the first 68 (worked in the comments).
/// </summary>
public sealed class Dlt645ProtocolTests
{
    private const string Address = "000012345678";   // 78 56 34 12 00 00 on the wire, byte sum 0x114

    [Fact]
    public void A_1997_read_through_the_wildcard_is_the_published_frame()
    {
        // 9010 → 10 90 → +33 → 43 C3; CS = 68+68 + 6×AA + 01+02 + 43+C3 = 0x5D5 → D5.
        Assert.Equal("FEFEFEFE68AAAAAAAAAAAA68010243C3D516",
            Convert.ToHexString(Dlt645Protocol1997.Protocol.ReadRequest(Dlt645Frame.Wildcard, 0x9010)));
    }

    [Fact]
    public void A_1997_read_of_phase_a_voltage_for_one_meter()
    {
        // B611 → 11 B6 → +33 → 44 E9; CS = D0 + 114 + 01+02 + 44+E9 = 0x314 → 14.
        Assert.Equal("FEFEFEFE68785634120000680102" + "44E9" + "1416",
            Convert.ToHexString(Dlt645Protocol1997.Protocol.ReadRequest(Address, 0xB611)));
    }

    [Fact]
    public void The_2007_edition_still_sends_its_published_vector()
    {
        Assert.Equal("FEFEFEFE68AAAAAAAAAAAA68110433333433AE16",
            Convert.ToHexString(Dlt645Protocol2007.Protocol.ReadRequest(Dlt645Frame.Wildcard, 0x00010000)));
        Assert.Equal(Dlt645Frame.ReadRequest(Address, 0x02010100), Dlt645Protocol2007.Protocol.ReadRequest(Address, 0x02010100));
    }

    [Fact]
    public void A_1997_reply_is_read_to_its_value_bytes()
    {
        // 81, L=4: 11 B6 30 02 (+33: 44 E9 63 35) = 230 V; CS = D0 + 114 + 81 + 04 + 44+E9+63+35 = 0x42E → 2E.
        var line = new ScriptedSerialLine(_ => Convert.FromHexString("FEFE" + "68785634120000688104" + "44E96335" + "2E16"));
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(1));

        Assert.Equal([0x30, 0x02], client.Read(Dlt645Protocol1997.Protocol, Address, 0xB611));
        Assert.Equal("FEFEFEFE68785634120000680102" + "44E9" + "1416", Convert.ToHexString(Assert.Single(line.Written)));
    }

    [Fact]
    public void A_1997_refusal_names_the_identifier_and_its_error_flags()
    {
        // C1, L=1: 02 (+33: 35) no such data; CS = D0 + 114 + C1 + 01 + 35 = 0x2DB → DB.
        var line = new ScriptedSerialLine(_ => Convert.FromHexString("68785634120000" + "68C101" + "35" + "DB16"));
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(1));

        var ex = Assert.Throws<Dlt645Exception>(() => client.Read(Dlt645Protocol1997.Protocol, Address, 0xB630));
        Assert.Contains("refused B630 (error flags 0x02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2007_reply_to_a_1997_request_says_the_protocol_setting_may_be_wrong()
    {
        // 91 (a 2007 reply), L=2: 11 B6 (+33: 44 E9); CS = D0 + 114 + 91 + 02 + 44+E9 = 0x3A4 → A4.
        var line = new ScriptedSerialLine(_ => Convert.FromHexString("68785634120000" + "689102" + "44E9" + "A416"));
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(1));

        var ex = Assert.Throws<Dlt645Exception>(() => client.Read(Dlt645Protocol1997.Protocol, Address, 0xB611));
        Assert.Contains("control code 91, not a DL/T 645-1997 read reply (81", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_1997_reply_for_another_identifier_is_caught()
    {
        // 81, L=2: 21 B6 (+33: 54 E9), current instead of voltage; CS = D0 + 114 + 81 + 02 + 54+E9 = 0x3A4 → A4.
        var line = new ScriptedSerialLine(_ => Convert.FromHexString("68785634120000" + "688102" + "54E9" + "A416"));
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(1));

        Assert.Contains("does not answer B611", Assert.Throws<Dlt645Exception>(() => client.Read(Dlt645Protocol1997.Protocol, Address, 0xB611)).Message);
    }

    [Fact]
    public void The_driver_reads_a_1997_meter_with_its_identifiers_and_formats()
    {
        var answers = new Dictionary<ushort, byte[]>
        {
            [0x9010] = [0x67, 0x45, 0x23, 0x01],   // 012345.67 kWh
            [0xB630] = [0x00, 0x50, 0x12],         // 12.5000 kW
            [0xB611] = [0x30, 0x02],               // 230 V
            [0xB621] = [0x25, 0x54],               // 54.25 A
        };
        var line = new ScriptedSerialLine(request =>
        {
            Assert.Equal(Dlt645Protocol1997.ReadData, request[12]);
            var di = (ushort)((request[14] - 0x33) | ((request[15] - 0x33) << 8));
            return Reply1997(di, answers[di]);
        });
        using var driver = new Dlt645MeterDriver("meter-village", SharedBus<Dlt645Client>.Private(new Dlt645Client(line, TimeSpan.FromSeconds(1))),
            Address, MeterCalibration.None, Dlt645Protocol1997.Protocol);

        var values = driver.Read(DateTimeOffset.UnixEpoch).ToDictionary(v => v.Quantity, v => v.Value);

        Assert.Equal(12345.67, values["energy"], precision: 6);
        Assert.Equal(12.5, values["power"], precision: 6);
        Assert.Equal(230, values["voltage"], precision: 6);
        Assert.Equal(54.25, values["current"], precision: 6);
        Assert.Equal([0x9010, 0xB630, 0xB611, 0xB621], line.Written.Select(w => (w[14] - 0x33) | ((w[15] - 0x33) << 8)));
    }

    [Fact]
    public void Every_edition_reads_the_same_quantities()
    {
        Assert.All(Dlt645Protocols.All, p => Assert.Equal(Dlt645MeterDriver.QuantityNames, p.Items.Select(i => i.Quantity)));
        Assert.Equal(["2007", "1997"], Dlt645Protocols.All.Select(p => p.Name));
    }

    [Theory]
    [InlineData(null, "2007")]
    [InlineData("2007", "2007")]
    [InlineData("1997", "1997")]
    [InlineData(" 1997 ", "1997")]
    public void The_protocol_setting_chooses_the_edition(string? setting, string expected)
    {
        var problems = new List<string>();
        Assert.Equal(expected, Dlt645Protocols.FromSettings(Meter(setting), problems).Name);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_unknown_protocol_setting_is_a_problem_naming_the_editions()
    {
        var problems = new List<string>();
        Assert.Same(Dlt645Protocols.Default, Dlt645Protocols.FromSettings(Meter("645"), problems));
        Assert.Equal(["Settings:protocol '645' is not a DL/T 645 edition (2007 or 1997)"], problems);
    }

    private static SensorOptions Meter(string? protocol)
    {
        var sensor = new SensorOptions { Id = "meter-1", Driver = Dlt645MeterDriver.DriverName };
        if (protocol is not null)
            sensor.Settings["protocol"] = protocol;
        return sensor;
    }

    /// <summary>A 1997 meter's read reply (control 81) carrying <paramref name="value"/> (BCD, low byte first).</summary>
    private static byte[] Reply1997(ushort dataId, byte[] value)
    {
        var frame = new List<byte> { 0x68 };
        frame.AddRange(Dlt645Frame.EncodeAddress(Address));
        frame.AddRange([0x68, Dlt645Protocol1997.ReadReply, (byte)(2 + value.Length), (byte)dataId, (byte)(dataId >> 8)]);
        frame.AddRange(value);
        for (var i = 10; i < frame.Count; i++)
            frame[i] += 0x33;
        frame.Add(Dlt645Frame.Checksum(frame.ToArray()));
        frame.Add(0x16);
        return [0xFE, 0xFE, 0xFE, 0xFE, .. frame];
    }
}
