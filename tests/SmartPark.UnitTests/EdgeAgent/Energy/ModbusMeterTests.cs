using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Dtsu666;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm120;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm630;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

public sealed class ModbusMeterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, double> Read(MeterRegisterMap map, RegisterBank bank, MeterCalibration? calibration = null)
    {
        using var driver = new ModbusMeterDriver("meter-1", SharedBus<ModbusClient>.Private(new ModbusClient(new BankTransport(bank))), 1, map, calibration ?? MeterCalibration.None);
        return driver.Read(At).ToDictionary(v => v.Quantity, v => v.Value);
    }

    [Fact]
    public void Sdm120_reads_float_input_registers_into_catalogue_units()
    {
        var bank = new RegisterBank();
        bank.SetFloat(bank.Input, 0x0000, 230.1f);
        bank.SetFloat(bank.Input, 0x0006, 4.35f);
        bank.SetFloat(bank.Input, 0x000C, 998.5f);      // W
        bank.SetFloat(bank.Input, 0x0048, 1234.56f);    // kWh
        for (ushort a = 0; a < 0x4A; a++)
            bank.Input.TryAdd(a, 0);

        var values = Read(Sdm120.Map, bank);

        Assert.Equal(230.1, values["voltage"]);
        Assert.Equal(4.35, values["current"]);
        Assert.Equal(0.9985, values["power"], precision: 6);
        Assert.Equal(1234.56, values["energy"]);
        Assert.Equal(1, bank.Requests);   // one block read covers 0x0000..0x0049
    }

    [Fact]
    public void Sdm630_reports_the_mean_line_current_and_total_power()
    {
        var bank = new RegisterBank();
        for (ushort a = 0; a < 0x4A; a++)
            bank.Input[a] = 0;
        bank.SetFloat(bank.Input, 0x0000, 229.8f);
        bank.SetFloat(bank.Input, 0x0030, 150.0f);      // sum of line currents
        bank.SetFloat(bank.Input, 0x0034, 31_500f);     // W
        bank.SetFloat(bank.Input, 0x0048, 250_000.5f);

        var values = Read(Sdm630.Map, bank);

        Assert.Equal(50.0, values["current"], precision: 6);
        Assert.Equal(31.5, values["power"], precision: 6);
        Assert.Equal(250_000.5, values["energy"]);
    }

    [Fact]
    public void Dtsu666_applies_the_manuals_scaling_and_transformer_ratios()
    {
        var bank = new RegisterBank();
        for (ushort a = 0x2000; a < 0x2014; a++)
            bank.Holding[a] = 0;
        bank.SetFloat(bank.Holding, 0x2006, 2301f);     // U raw: × 0.1 V
        bank.SetFloat(bank.Holding, 0x200C, 1000f);     // I raw: × 0.001 A × CT
        bank.SetFloat(bank.Holding, 0x200E, 2000f);
        bank.SetFloat(bank.Holding, 0x2010, 3000f);
        bank.SetFloat(bank.Holding, 0x2012, 13_800f);   // P raw: × 0.1 W × CT
        bank.SetFloat(bank.Holding, 0x401E, 1234.5f);   // Ep: × CT kWh

        var values = Read(Dtsu666.Map(ptRatio: 1, ctRatio: 40), bank);

        Assert.Equal(230.1, values["voltage"], precision: 6);
        Assert.Equal(80.0, values["current"], precision: 6);     // mean(1, 2, 3) A × 40
        Assert.Equal(55.2, values["power"], precision: 6);       // 1380 W × 40 = 55.2 kW
        Assert.Equal(49_380, values["energy"], precision: 3);
        Assert.Equal(2, bank.Requests);   // 0x2006.. and 0x401E are too far apart for one read
    }

    [Fact]
    public void Calibration_scales_and_offsets_one_quantity()
    {
        var bank = new RegisterBank();
        for (ushort a = 0; a < 0x4A; a++)
            bank.Input[a] = 0;
        bank.SetFloat(bank.Input, 0x0000, 230f);
        bank.SetFloat(bank.Input, 0x0006, 2f);
        var sensor = new SensorOptions { Id = "m", Driver = Sdm120.DriverName, Settings = { ["scale.current"] = "40", ["offset.voltage"] = "-1.5" } };
        var problems = new SettingsSchema(CommonSettings.MeterCalibration).Problems(sensor, Sdm120.Map.Quantities);

        var values = Read(Sdm120.Map, bank, MeterCalibration.From(sensor, Sdm120.Map.Quantities));

        Assert.Empty(problems);
        Assert.Equal(80, values["current"]);
        Assert.Equal(228.5, values["voltage"]);
    }

    [Fact]
    public void A_meter_that_answers_nan_fails_the_read_instead_of_reporting_it()
    {
        var bank = new RegisterBank();
        for (ushort a = 0; a < 0x4A; a++)
            bank.Input[a] = 0;
        bank.SetFloat(bank.Input, 0x0048, float.NaN);

        var ex = Assert.Throws<ModbusProtocolException>(() => Read(Sdm120.Map, bank));
        Assert.Contains("energy", ex.Message);
    }

    [Fact]
    public void Settings_problems_are_all_reported_without_opening_hardware()
    {
        var sensor = new SensorOptions
        {
            Id = "m",
            Driver = Sdm630.DriverName,
            Settings = { ["port"] = "ttyUSB0", ["baud"] = "9601", ["format"] = "8X1", ["unit"] = "0", ["scale.flux"] = "2", ["scale.power"] = "abc" },
        };

        var problems = DriverFactory.Validate(sensor);

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.Contains("Settings:port 'ttyUSB0'"));
        Assert.Contains(problems, p => p.Contains("Settings:baud '9601'"));
        Assert.Contains(problems, p => p.Contains("Settings:format '8X1'"));
        Assert.Contains(problems, p => p.Contains("Settings:unit '0'"));
        Assert.Contains(problems, p => p.Contains("'flux'"));
        Assert.Contains(problems, p => p.Contains("Settings:scale.power 'abc'"));
        Assert.Empty(DriverFactory.Validate(new SensorOptions { Id = "m", Driver = Sdm630.DriverName, Settings = { ["host"] = "10.0.0.5" } }));
        Assert.Single(DriverFactory.Validate(new SensorOptions { Id = "m", Driver = "modbus-sdm999" }));
    }

    [Fact]
    public void A_missing_serial_device_says_which_file_and_how_to_fix_it()
    {
        var sensor = new SensorOptions { Id = "m", Driver = Sdm630.DriverName, Settings = { ["port"] = "/dev/ttyNOSUCH0" } };

        var ex = Assert.ThrowsAny<IOException>(() => DriverFactory.Create(sensor));

        Assert.Contains("/dev/ttyNOSUCH0", ex.Message);
        Assert.Contains("UART", ex.Message);
        Assert.Contains("RS-485", ex.Message);
    }

    [Fact]
    public void Nearby_registers_are_read_in_one_request_and_far_ones_separately()
    {
        Assert.Equal([new RegisterBlock(ModbusFunction.ReadInputRegisters, 0x0000, 0x4A)], Sdm630.Map.ReadBlocks());
        Assert.Equal([new RegisterBlock(ModbusFunction.ReadHoldingRegisters, 0x2006, 0x0E), new RegisterBlock(ModbusFunction.ReadHoldingRegisters, 0x401E, 2)],
            Dtsu666.Map(1, 1).ReadBlocks());
    }
}
