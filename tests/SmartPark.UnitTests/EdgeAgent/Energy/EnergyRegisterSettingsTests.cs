using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Dtsu666;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm120;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm630;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// The energy counter of every Modbus meter is configurable (<c>energyRegister</c>,
/// <c>energyFormat</c>, <c>energyWordOrder</c>, <c>energyFunction</c>, <c>energyScale</c>), because
/// public maps of the DTSU666 disagree on where it is and some meters keep it as a scaled integer.
/// </summary>
public sealed class EnergyRegisterSettingsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static SensorOptions Sensor(string driver, params (string Key, string Value)[] settings)
    {
        var sensor = new SensorOptions { Id = "meter-1", Driver = driver, Settings = { ["port"] = "/dev/ttyAMA0" } };
        foreach (var (key, value) in settings)
            sensor.Settings[key] = value;
        return sensor;
    }

    private static Dictionary<string, double> Read(MeterRegisterMap map, RegisterBank bank)
    {
        using var driver = new ModbusMeterDriver("meter-1", SharedBus<ModbusClient>.Private(new ModbusClient(new BankTransport(bank))), 1, map, MeterCalibration.None);
        return driver.Read(At).ToDictionary(v => v.Quantity, v => v.Value);
    }

    private static RegisterBank Sdm120Bank()
    {
        var bank = new RegisterBank();
        for (ushort a = 0; a < 0x4A; a++)
            bank.Input[a] = 0;
        bank.SetFloat(bank.Input, 0x0000, 230f);
        return bank;
    }

    [Fact]
    public void Without_energy_keys_the_meter_keeps_its_own_map()
    {
        var sensor = Sensor(Dtsu666.DriverName, ("ctRatio", "40"));
        var map = Dtsu666.Map(1, 40);

        Assert.Same(map, ModbusMeterDescriptor.Configured(map, sensor));
        Assert.Empty(DriverFactory.Validate(sensor));
    }

    [Fact]
    public void A_dtsu666_read_by_the_other_public_map_takes_its_energy_from_input_registers_at_2166()
    {
        // The DTSU666-H map (Tasmota xnrg_26): import energy at 2166 (0x0876), input registers,
        // already in primary kWh; the other values stay where CHINT's map puts them.
        var sensor = Sensor(Dtsu666.DriverName, ("ctRatio", "40"), ("energyRegister", "2166"), ("energyFunction", "input"), ("energyScale", "1"));
        var bank = new RegisterBank();
        for (ushort a = 0x2006; a < 0x2014; a++)
            bank.Holding[a] = 0;
        bank.SetFloat(bank.Holding, 0x2006, 2301f);
        bank.SetFloat(bank.Input, 0x0876, 49_380.5f);

        Assert.Empty(DriverFactory.Validate(sensor));
        var values = Read(ModbusMeterDescriptor.Configured(Dtsu666.Map(1, 40), sensor), bank);

        Assert.Equal(49_380.5, values["energy"]);          // not × 40 again: energyScale replaced PT × CT
        Assert.Equal(230.1, values["voltage"], precision: 6);
        Assert.Equal(2, bank.Requests);                    // holding 0x2006.., input 0x0876
    }

    [Fact]
    public void Only_the_keys_given_change_the_counter_so_a_moved_dtsu666_register_keeps_pt_times_ct()
    {
        var sensor = Sensor(Dtsu666.DriverName, ("ptRatio", "1"), ("ctRatio", "40"), ("energyRegister", "0x4000"));
        var energy = ModbusMeterDescriptor.Configured(Dtsu666.Map(1, 40), sensor).Values.Single(v => v.Quantity == "energy");

        Assert.Equal((ushort)0x4000, energy.Addresses.Single());
        Assert.Equal(40, energy.Scale);
        Assert.Equal(RegisterFormat.Float32, energy.Format);
        Assert.Equal(ModbusFunction.ReadHoldingRegisters, energy.Function);
        Assert.Equal(WordOrder.HighFirst, energy.Order);
    }

    [Theory]
    [InlineData("uint32", "high-first", new ushort[] { 0x0001, 0xE240 }, 0.01, 1234.56)]      // 123456 hundredths of a kWh
    [InlineData("uint32", "low-first", new ushort[] { 0xE240, 0x0001 }, 0.01, 1234.56)]
    [InlineData("int32", "high-first", new ushort[] { 0x0000, 0x3039 }, 0.1, 1234.5)]
    [InlineData("uint16", null, new ushort[] { 0xFFFF }, 1, 65535)]
    public void Integer_counters_are_decoded_in_their_word_order_and_scaled_into_kwh(string format, string? order, ushort[] words, double scale, double kwh)
    {
        var settings = new List<(string, string)> { ("energyRegister", "0x0100"), ("energyFormat", format), ("energyScale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (order is not null)
            settings.Add(("energyWordOrder", order));
        var sensor = Sensor(Sdm120.DriverName, [.. settings]);
        var bank = Sdm120Bank();
        for (var i = 0; i < words.Length; i++)
            bank.Input[(ushort)(0x0100 + i)] = words[i];

        Assert.Empty(DriverFactory.Validate(sensor));
        var values = Read(ModbusMeterDescriptor.Configured(Sdm120.Map, sensor), bank);

        Assert.Equal(kwh, values["energy"], precision: 6);
        Assert.Equal(230, values["voltage"]);
    }

    [Fact]
    public void Every_energy_key_mistake_is_reported_naming_the_key()
    {
        var sensor = Sensor(Sdm630.DriverName, ("energyRegister", "0x1FFFF"), ("energyFormat", "double"), ("energyWordOrder", "middle"),
            ("energyFunction", "coils"), ("energyScale", "0"));

        var problems = DriverFactory.Validate(sensor);

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Settings:energyRegister '0x1FFFF' is outside 0x00..0xFFFF", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:energyFormat 'double' is not one of float32, uint32, int32, uint16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:energyWordOrder 'middle' is not one of high-first, low-first", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:energyFunction 'coils' is not one of holding, input", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:energyScale '0' must be a positive number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_order_for_a_one_register_counter_or_a_32_bit_counter_at_the_last_register_is_refused()
    {
        Assert.Equal(["Settings:energyWordOrder has no meaning for a uint16 energyFormat (one register); remove it"],
            DriverFactory.Validate(Sensor(Sdm120.DriverName, ("energyFormat", "uint16"), ("energyWordOrder", "low-first"))));
        Assert.Equal(["Settings:energyRegister '0xFFFF' is the last register, but a 32-bit value takes two"],
            DriverFactory.Validate(Sensor(Sdm120.DriverName, ("energyRegister", "0xFFFF"))));
        Assert.Empty(DriverFactory.Validate(Sensor(Sdm120.DriverName, ("energyRegister", "0xFFFF"), ("energyFormat", "uint16"))));
    }

    [Fact]
    public void The_agent_refuses_to_open_a_meter_with_a_bad_energy_key_and_names_the_sensor()
    {
        var sensor = Sensor(Dtsu666.DriverName, ("energyFormat", "float"));

        var ex = Assert.Throws<ArgumentException>(() => DriverFactory.Create(sensor));

        Assert.StartsWith("Sensor 'meter-1' (modbus-dtsu666): Settings:energyFormat 'float' is not one of", ex.Message);
    }
}
