using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.ModbusMap;
using SmartPark.UnitTests.EdgeAgent.Energy;
using static SmartPark.UnitTests.EdgeAgent.Drivers.ModbusMap.RegisterMapReaderTests;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.ModbusMap;

/// <summary>Decoding in every type and order, the request plan, and the flags status registers raise.</summary>
public sealed class MapDecodingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    // Wire words from Python's struct.pack('>f', 123.456) = 42F6E979 etc., in each order a manual may print.
    [Theory]
    [InlineData("float32", false, false, new ushort[] { 0x42F6, 0xE979 }, 123.456)]   // ABCD
    [InlineData("float32", true, false, new ushort[] { 0xE979, 0x42F6 }, 123.456)]    // CDAB
    [InlineData("float32", false, true, new ushort[] { 0xF642, 0x79E9 }, 123.456)]    // BADC
    [InlineData("float32", true, true, new ushort[] { 0x79E9, 0xF642 }, 123.456)]     // DCBA
    [InlineData("float64", false, false, new ushort[] { 0x4093, 0x4A45, 0x6D5C, 0xFAAD }, 1234.5678)]
    [InlineData("float64", true, false, new ushort[] { 0xFAAD, 0x6D5C, 0x4A45, 0x4093 }, 1234.5678)]
    [InlineData("int16", false, false, new ushort[] { 0xFB2E }, -1234)]
    [InlineData("int16", false, true, new ushort[] { 0x2EFB }, -1234)]
    [InlineData("uint16", false, false, new ushort[] { 0xFB2E }, 64302)]
    [InlineData("uint32", false, false, new ushort[] { 0x00BC, 0x614E }, 12345678)]
    [InlineData("uint32", true, false, new ushort[] { 0x614E, 0x00BC }, 12345678)]
    [InlineData("int32", false, false, new ushort[] { 0xFFFF, 0xFFFE }, -2)]
    [InlineData("int32", true, true, new ushort[] { 0xFEFF, 0xFFFF }, -2)]
    public void Every_type_decodes_in_every_word_and_byte_order(string type, bool lowWordFirst, bool bytesSwapped, ushort[] words, double expected)
    {
        Assert.True(MapValueTypes.TryParse(type, out var parsed));
        Assert.Equal(expected, new MapRegister(ModbusFunction.ReadHoldingRegisters, 0, parsed, lowWordFirst, bytesSwapped).Decode(words));
    }

    private static RegisterMap Map(params Dictionary<string, string>[] entries) =>
        RegisterMapReader.Read(entries) is { Map: { } map } ? map : throw new InvalidOperationException(string.Join("; ", RegisterMapReader.Read(entries).Problems));

    [Fact]
    public void Contiguous_registers_share_a_request_of_at_most_125_registers_per_function_and_a_gap_splits_unless_allowed()
    {
        var map = Map(
            Entry(("quantity", "nox"), ("register", "0")),
            Entry(("quantity", "so2"), ("register", "2")),
            Entry(("quantity", "o2"), ("register", "4")),
            Entry(("quantity", "particulate"), ("register", "60"), ("type", "float64")),
            Entry(("quantity", "co"), ("register", "6"), ("function", "input")),
            Entry(("status", "state"), ("register", "7"), ("function", "input"), ("codes", "1=C")));

        RegisterBlock Holding(ushort start, int count) => new(ModbusFunction.ReadHoldingRegisters, start, count);
        var input = new RegisterBlock(ModbusFunction.ReadInputRegisters, 6, 2);   // co's 6–7 and the state at 7 overlap
        Assert.Equal([Holding(0, 6), Holding(60, 4), input], map.ReadBlocks());
        Assert.Equal([Holding(0, 6), Holding(60, 4), input], map.ReadBlocks(maxGap: 53));
        Assert.Equal([Holding(0, 64), input], map.ReadBlocks(maxGap: 54));   // across the 54 unused registers 6–59

        // 70 floats in a row: 140 registers, more than one request may carry.
        var wide = new RegisterMap(
            [.. Enumerable.Range(0, 70).Select(i => new MapValue($"q{i}", new MapRegister(ModbusFunction.ReadHoldingRegisters, (ushort)(2 * i), MapValueType.Float32)))], []);
        Assert.Equal([Holding(0, 124), Holding(124, 16)], wide.ReadBlocks());
    }

    private static IReadOnlyList<SensorValue> Read(ModbusMapDriver driver) => driver.Read(At);

    private static ModbusMapDriver Driver(RegisterBank bank, RegisterMap map, int maxGap = 0) =>
        new("cems-1", SharedBus<ModbusClient>.Private(new ModbusClient(new BankTransport(bank))), 1, map, maxGap, MeterCalibration.None);

    [Fact]
    public void Status_registers_flag_the_values_they_cover_and_the_worst_flag_wins()
    {
        var map = Map(
            Entry(("quantity", "nox"), ("register", "0")),
            Entry(("quantity", "o2"), ("register", "2")),
            Entry(("quantity", "flue_gas_flow"), ("register", "4"), ("type", "uint16"), ("scale", "0.5"), ("offset", "-1")),
            Entry(("status", "analyser"), ("register", "5"), ("type", "uint16"), ("codes", "1=C, 2=M"), ("quantities", "nox, o2")),
            Entry(("status", "alarms"), ("register", "6"), ("type", "uint16"), ("bits", "0=T, 3=D")));
        var bank = new RegisterBank();
        bank.SetFloat(bank.Holding, 0, 85.5f);
        bank.SetFloat(bank.Holding, 2, 9.3f);
        bank.Holding[4] = 105;
        bank.Holding[5] = 0;
        bank.Holding[6] = 0;
        using var driver = Driver(bank, map);

        Assert.Equal([new("nox", 85.5), new("o2", 9.3), new SensorValue("flue_gas_flow", 51.5)], Read(driver));
        Assert.Equal(1, bank.Requests);   // seven contiguous registers, one request

        bank.Holding[5] = 1;                // the analyser calibrates: its gases are C, the flow is not
        Assert.Equal([DataFlag.Calibration, DataFlag.Calibration, DataFlag.Normal], Read(driver).Select(v => v.Flag));

        bank.Holding[6] = 0b0001;           // over range on everything: calibration is worse than T
        Assert.Equal([DataFlag.Calibration, DataFlag.Calibration, DataFlag.OverRange], Read(driver).Select(v => v.Flag));

        bank.Holding[5] = 2;
        bank.Holding[6] = 0b1001;           // maintenance and a fault: D wins
        Assert.Equal([DataFlag.Fault, DataFlag.Fault, DataFlag.Fault], Read(driver).Select(v => v.Flag));

        bank.Holding[5] = 7;                // a state the map does not name changes nothing
        bank.Holding[6] = 0b0100;
        Assert.All(Read(driver), v => Assert.Equal(DataFlag.Normal, v.Flag));
    }

    [Fact]
    public void A_channel_that_answers_nan_reads_fault_with_its_last_good_value_and_its_siblings_still_count()
    {
        var map = Map(Entry(("quantity", "nox"), ("register", "0")), Entry(("quantity", "so2"), ("register", "2")));
        var bank = new RegisterBank();
        bank.SetFloat(bank.Holding, 0, 40f);
        bank.SetFloat(bank.Holding, 2, 12f);
        using var driver = Driver(bank, map);
        Assert.Equal([new("nox", 40), new SensorValue("so2", 12)], Read(driver));

        bank.SetFloat(bank.Holding, 2, float.NaN);
        bank.SetFloat(bank.Holding, 0, 41f);
        Assert.Equal([new("nox", 41), new SensorValue("so2", 12, DataFlag.Fault)], Read(driver));
    }

    [Fact]
    public void A_register_the_device_lacks_fails_the_read_so_the_sensor_reports_fault()
    {
        var map = Map(Entry(("quantity", "nox"), ("register", "0")), Entry(("quantity", "so2"), ("register", "4")));
        var bank = new RegisterBank();
        bank.SetFloat(bank.Holding, 0, 40f);
        bank.SetFloat(bank.Holding, 4, 12f);
        using var gapped = Driver(bank, map, maxGap: 2);   // reads 2–3, which this device does not have
        Assert.Equal(2, Assert.Throws<ModbusException>(() => Read(gapped)).Code);
        using var contiguous = Driver(bank, map);
        Assert.Equal(2, Read(contiguous).Count);
    }
}
