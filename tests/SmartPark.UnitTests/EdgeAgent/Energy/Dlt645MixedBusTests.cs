using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// A village park's RS-485 line with a newer DL/T 645-2007 meter and an older -1997 one: one
/// agent configuration, one shared line, each meter read in its own edition.
/// </summary>
public sealed class Dlt645MixedBusTests
{
    private const string Port = "/dev/ttyUSB-mixed-editions";
    private const string Modern = "000012345678";
    private const string Village = "000000001997";

    private static SensorOptions Meter(string id, string address, string protocol) => new()
    {
        Id = id,
        Driver = Dlt645MeterDriver.DriverName,
        Settings = new(StringComparer.OrdinalIgnoreCase) { ["port"] = Port, ["address"] = address, ["protocol"] = protocol },
    };

    [Fact]
    public void One_agent_config_lists_a_2007_and_a_1997_meter_on_the_same_port()
    {
        var options = new AgentOptions
        {
            Park = "p",
            Enterprise = "e",
            Device = "d",
            Sensors = [Meter("meter-new", Modern, "2007"), Meter("meter-old", Village, "1997")],
        };

        Assert.Empty(options.Validate());
        Assert.All(options.Sensors, s => Assert.Empty(DriverFactory.Validate(s)));
    }

    [Fact]
    public void Both_meters_on_one_shared_line_answer_in_their_own_edition()
    {
        var asked = new List<(string Address, byte Control)>();
        var line = new ScriptedSerialLine(request =>
        {
            // FE FE FE FE 68 A0..A5 68 C L DATA: the address is low byte first.
            var address = Convert.ToHexString([.. request.AsSpan(5, 6).ToArray().Reverse()]);
            var control = request[12];
            var data = request.AsSpan(14, request[13]).ToArray().Select(b => (byte)(b - 0x33)).ToArray();
            asked.Add((address, control));
            return (address, control) switch
            {
                (Modern, Dlt645Frame.ReadData) => Reply(Modern, Dlt645Frame.ReadReply, data, Value2007(BitConverter.ToUInt32(data))),
                (Village, Dlt645Protocol1997.ReadData) => Reply(Village, Dlt645Protocol1997.ReadReply, data, Value1997(BitConverter.ToUInt16(data))),
                _ => null,   // a meter stays silent to an edition it does not speak
            };
        });
        var opened = 0;
        Dlt645Client Open()
        {
            opened++;
            return new Dlt645Client(line, TimeSpan.FromSeconds(1));
        }

        using var modern = new Dlt645MeterDriver("meter-new", SharedBus<Dlt645Client>.Acquire(Port, Open), Modern, MeterCalibration.None, Dlt645Protocols.Find("2007"));
        using var village = new Dlt645MeterDriver("meter-old", SharedBus<Dlt645Client>.Acquire(Port, Open), Village, MeterCalibration.None, Dlt645Protocols.Find("1997"));
        var newer = modern.Read(DateTimeOffset.UnixEpoch).ToDictionary(v => v.Quantity, v => v.Value);
        var older = village.Read(DateTimeOffset.UnixEpoch).ToDictionary(v => v.Quantity, v => v.Value);

        Assert.Equal(1, opened);                                    // one line for both
        Assert.Equal(12_345.67, newer["energy"], precision: 6);
        Assert.Equal(999_999.99, older["energy"], precision: 6);    // the 1997 register's last value before it wraps
        Assert.Equal(230.1, newer["voltage"], precision: 6);
        Assert.Equal(229, older["voltage"], precision: 6);
        Assert.All(asked.Where(a => a.Address == Modern), a => Assert.Equal(Dlt645Frame.ReadData, a.Control));
        Assert.All(asked.Where(a => a.Address == Village), a => Assert.Equal(Dlt645Protocol1997.ReadData, a.Control));
        Assert.Equal(8, asked.Count);
    }

    private static byte[] Value2007(uint dataId) => dataId switch
    {
        0x00010000 => [0x67, 0x45, 0x23, 0x01],   // 012345.67 kWh
        0x02030000 => [0x00, 0x50, 0x12],         // 12.5000 kW
        0x02010100 => [0x01, 0x23],               // 230.1 V
        0x02020100 => [0x00, 0x40, 0x05],         // 054.000 A
        _ => throw new InvalidOperationException($"not asked of a 2007 meter: {dataId:X8}"),
    };

    private static byte[] Value1997(ushort dataId) => dataId switch
    {
        0x9010 => [0x99, 0x99, 0x99, 0x99],   // 999999.99 kWh: XXXXXX.XX is full
        0xB630 => [0x00, 0x50, 0x12],         // 12.5000 kW
        0xB611 => [0x29, 0x02],               // 229 V
        0xB621 => [0x25, 0x54],               // 54.25 A
        _ => throw new InvalidOperationException($"not asked of a 1997 meter: {dataId:X4}"),
    };

    /// <summary>A read reply echoing the request's identifier (4 bytes in 2007, 2 in 1997) with the value, all +0x33.</summary>
    private static byte[] Reply(string address, byte control, byte[] dataId, byte[] value)
    {
        var frame = new List<byte> { Dlt645Frame.Start };
        frame.AddRange(Dlt645Frame.EncodeAddress(address));
        frame.AddRange([Dlt645Frame.Start, control, (byte)(dataId.Length + value.Length)]);
        frame.AddRange(dataId.Concat(value).Select(b => (byte)(b + 0x33)));
        frame.Add(Dlt645Frame.Checksum(frame.ToArray()));
        frame.Add(Dlt645Frame.End);
        return [Dlt645Frame.Preamble, Dlt645Frame.Preamble, .. frame];
    }
}
