using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

public sealed class ModbusRtuTests
{
    [Theory]
    [InlineData("010400000002", "71CB")]   // SDM L1 voltage (standards.md §4.2)
    [InlineData("010401560002", "9027")]   // SDM total active energy
    public void Crc_matches_the_published_request_vectors(string body, string crcLowHigh)
    {
        var crc = ModbusCrc.Compute(Convert.FromHexString(body));
        Assert.Equal(crcLowHigh, $"{(byte)crc:X2}{crc >> 8:X2}");
        Assert.True(ModbusCrc.IsValid(Convert.FromHexString(body + crcLowHigh)));
        Assert.False(ModbusCrc.IsValid(Convert.FromHexString(body + "71CC")));
    }

    [Fact]
    public void Reads_input_registers_in_one_frame_with_crc_low_byte_first()
    {
        var bank = new RegisterBank();
        bank.Input[0] = 0x4366;
        bank.Input[1] = 0x199A;
        var line = new ScriptedSerialLine(bank.RtuSlave(1));
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        var registers = client.ReadInputRegisters(1, 0, 2);

        Assert.Equal("01040000000271CB", Convert.ToHexString(line.Written.Single()));
        Assert.Equal([0x4366, 0x199A], registers);
        Assert.Equal(230.1f, RegisterDecoding.Float32(registers, 0));
    }

    [Fact]
    public void A_reply_that_arrives_a_byte_at_a_time_is_reassembled()
    {
        var bank = new RegisterBank();
        for (ushort a = 0; a < 10; a++)
            bank.Holding[a] = (ushort)(a * 257);
        var line = new ScriptedSerialLine(bank.RtuSlave(7)) { MaxChunk = 1 };
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        Assert.Equal(Enumerable.Range(0, 10).Select(a => (ushort)(a * 257)), client.ReadHoldingRegisters(7, 0, 10));
    }

    [Fact]
    public void An_exception_reply_names_the_code()
    {
        var line = new ScriptedSerialLine(new RegisterBank().RtuSlave(1));
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModbusException>(() => client.ReadInputRegisters(1, 0x0100, 2));
        Assert.Equal(2, ex.Code);
        Assert.Contains("illegal data address", ex.Message);
    }

    [Fact]
    public void A_corrupted_reply_fails_its_crc_check()
    {
        var bank = new RegisterBank();
        bank.Input[0] = 1;
        var slave = bank.RtuSlave(1);
        var line = new ScriptedSerialLine(frame =>
        {
            var reply = slave(frame)!;
            reply[3] ^= 0x40;   // one flipped bit on the wire
            return reply;
        });
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModbusProtocolException>(() => client.ReadInputRegisters(1, 0, 1));
        Assert.Contains("CRC", ex.Message);
    }

    [Fact]
    public void Silence_times_out_naming_the_unit_and_line()
    {
        var line = new ScriptedSerialLine(_ => null);
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromMilliseconds(200)));

        var ex = Assert.Throws<TimeoutException>(() => client.ReadInputRegisters(9, 0, 2));
        Assert.Contains("unit 9", ex.Message);
        Assert.Contains("/dev/ttyFAKE0", ex.Message);
    }

    [Fact]
    public void A_reply_that_breaks_off_mid_frame_is_a_protocol_error()
    {
        var bank = new RegisterBank();
        bank.Input[0] = 1;
        var slave = bank.RtuSlave(1);
        var line = new ScriptedSerialLine(frame => slave(frame)![..4]);
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModbusProtocolException>(() => client.ReadInputRegisters(1, 0, 1));
        Assert.Contains("broke off after 4 of 7 bytes", ex.Message);
    }

    [Fact]
    public void Stale_bytes_from_an_earlier_reply_are_discarded_before_the_request()
    {
        var bank = new RegisterBank();
        bank.Input[0] = 42;
        var line = new ScriptedSerialLine(bank.RtuSlave(1));
        line.Inject(0x01, 0x04, 0x02, 0x00);   // the tail of a reply that came too late
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        Assert.Equal([42], client.ReadInputRegisters(1, 0, 1));
        Assert.Equal(1, line.Discards);
    }

    [Fact]
    public void A_reply_from_another_unit_is_refused()
    {
        var bank = new RegisterBank();
        bank.Input[0] = 1;
        var slave = bank.RtuSlave(2);
        var line = new ScriptedSerialLine(frame =>
        {
            var asked = (byte[])frame.Clone();
            asked[0] = 2;
            var crc = ModbusCrc.Compute(asked.AsSpan(0, asked.Length - 2));
            asked[^2] = (byte)crc;
            asked[^1] = (byte)(crc >> 8);
            return slave(asked);
        });
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModbusProtocolException>(() => client.ReadInputRegisters(1, 0, 1));
        Assert.Contains("unit 2, not 1", ex.Message);
    }

    [Fact]
    public void Writes_are_confirmed_by_their_echo()
    {
        var bank = new RegisterBank();
        var line = new ScriptedSerialLine(bank.RtuSlave(1));
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        client.WriteSingleRegister(1, 0x0010, 0xBEEF);
        client.WriteMultipleRegisters(1, 0x0020, [1, 2, 3]);

        Assert.Equal(0xBEEF, bank.Holding[0x0010]);
        Assert.Equal([1, 2, 3], new[] { bank.Holding[0x20], bank.Holding[0x21], bank.Holding[0x22] });
    }

    [Theory]
    [InlineData(9600, 4.010)]     // 3.5 × 11 bits / 9600 baud
    [InlineData(2400, 16.042)]
    [InlineData(38400, 1.75)]     // fixed above 19,200 baud
    public void Frames_are_separated_by_three_and_a_half_characters(int baud, double milliseconds) =>
        Assert.Equal(milliseconds, ModbusRtuTransport.InterFrameSilence(baud).TotalMilliseconds, precision: 2);

    [Fact]
    public void Requests_outside_the_protocol_limits_are_refused_before_sending()
    {
        var line = new ScriptedSerialLine(_ => null);
        using var client = new ModbusClient(new ModbusRtuTransport(line, TimeSpan.FromSeconds(1)));

        Assert.Throws<ArgumentOutOfRangeException>(() => client.ReadInputRegisters(1, 0, 126));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ReadInputRegisters(0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ReadInputRegisters(1, 0xFFFF, 2));
        Assert.Empty(line.Written);
    }
}
