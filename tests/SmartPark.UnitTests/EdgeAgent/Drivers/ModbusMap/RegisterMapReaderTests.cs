using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.ModbusMap;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.ModbusMap;

/// <summary>The map in the agent's file: what it reads into, and every mistake reported at once with its entry and key.</summary>
public sealed class RegisterMapReaderTests
{
    internal static Dictionary<string, string> Entry(params (string Key, string Value)[] keys) =>
        keys.ToDictionary(k => k.Key, k => k.Value);

    internal static SensorOptions Sensor(IEnumerable<Dictionary<string, string>> map, params (string Key, string Value)[] settings)
    {
        var sensor = new SensorOptions { Id = "cems-1", Driver = ModbusMapDescriptor.DriverName, Settings = { ["host"] = "192.0.2.10" }, Map = [.. map] };
        foreach (var (key, value) in settings)
            sensor.Settings[key] = value;
        return sensor;
    }

    [Fact]
    public void A_map_reads_into_values_with_their_defaults_and_status_registers_with_their_flags()
    {
        var (map, problems) = RegisterMapReader.Read(
        [
            Entry(("quantity", "nox"), ("register", "0x0014"), ("function", "input")),
            Entry(("Quantity", "ph"), ("Register", "260"), ("type", "INT16"), ("scale", "0.01")),
            Entry(("quantity", "wastewater_flow"), ("register", "0x0105"), ("type", "uint32"), ("wordOrder", "little"), ("byteOrder", "swapped"), ("offset", "-1.5")),
            Entry(("status", "CEMS state"), ("register", "0x0040"), ("codes", "0=N, 1=C; 2=M 0x10=D")),
            Entry(("status", "cabinet"), ("register", "0x0041"), ("type", "uint32"), ("bits", "0=c,31=D"), ("quantities", "ph, wastewater_flow")),
        ]);

        Assert.Empty(problems);
        Assert.NotNull(map);
        Assert.Equal(["nox", "ph", "wastewater_flow"], map.Quantities);
        Assert.Equal(new MapValue("nox", new MapRegister(ModbusFunction.ReadInputRegisters, 0x14, MapValueType.Float32)), map.Values[0]);
        Assert.Equal(new MapValue("ph", new MapRegister(ModbusFunction.ReadHoldingRegisters, 260, MapValueType.Int16), 0.01), map.Values[1]);
        Assert.Equal(new MapValue("wastewater_flow", new MapRegister(ModbusFunction.ReadHoldingRegisters, 0x105, MapValueType.UInt32, LowWordFirst: true, BytesSwapped: true), 1, -1.5), map.Values[2]);
        var state = map.Statuses[0];
        Assert.Equal(new MapRegister(ModbusFunction.ReadHoldingRegisters, 0x40, MapValueType.UInt16), state.Register);
        Assert.Equal(new Dictionary<long, string> { [0] = "N", [1] = "C", [2] = "M", [16] = "D" }, state.Codes.ToDictionary());
        Assert.Null(state.Quantities);
        Assert.Equal(new Dictionary<int, string> { [0] = "C", [31] = "D" }, map.Statuses[1].Bits.ToDictionary());
        Assert.Equal(["ph", "wastewater_flow"], map.Statuses[1].Quantities);
    }

    [Fact]
    public void Every_mistake_in_a_map_is_reported_together_with_its_entry_and_key()
    {
        var (map, problems) = RegisterMapReader.Read(
        [
            Entry(("quantity", "nox"), ("register", "0x0000"), ("typ", "float32")),
            Entry(("quantity", "so2"), ("register", "0x0002"), ("type", "float16")),
            Entry(("quantity", "nox"), ("register", "0x0004")),
            Entry(("quantity", "o2"), ("register", "0xFFFF"), ("type", "float32")),
            Entry(("quantity", "mercury"), ("register", "8")),
            Entry(("quantity", "nox_converted"), ("register", "10")),
            Entry(("quantity", "ph"), ("register", "12"), ("type", "int16"), ("wordOrder", "little"), ("scale", "0,01")),
            Entry(("quantity", "cod"), ("register", "70000"), ("function", "coil"), ("byteOrder", "middle")),
            Entry(("status", "state"), ("register", "0x40"), ("codes", "1=C, 2=X, two=M")),
            Entry(("status", "state 2"), ("register", "0x41"), ("type", "float32"), ("bits", "0=C")),
            Entry(("status", "state 3"), ("register", "0x42"), ("codes", "1=C"), ("quantities", "nox, benzene")),
            Entry(("status", "state 4"), ("register", "0x43"), ("bits", "16=C")),
            Entry(("register", "0x50")),
            Entry(("quantity", "co"), ("status", "co state"), ("register", "0x60")),
        ]);

        Assert.Null(map);
        Assert.Equal(
        [
            "Map:0:typ is not a key of a value (it reads quantity, register, function, type, wordOrder, byteOrder, scale, offset)",
            "Map:1:type 'float16' is not one of uint16, int16, uint32, int32, float32, float64",
            "Map:2:quantity 'nox' is already read by Map:0: a quantity comes from one register",
            "Map:3:register '0xFFFF' is too near the end: a float32 takes 2 registers and the last is 0xFFFF",
            "Map:4:quantity 'mercury' is not a quantity of the catalogue",
            "Map:5:quantity 'nox_converted' is derived from nox by Ingest (Converted), never read from a device: map nox and the quantities it is converted with",
            "Map:6:wordOrder 'little' has no meaning for a int16 (one register); remove it",
            "Map:6:scale '0,01' is not a number",
            "Map:7:register '70000' must be a register 0..65535 (0x0000..0xFFFF)",
            "Map:7:function 'coil' is not one of holding, input",
            "Map:7:byteOrder 'middle' is not one of big, swapped",
            "Map:8:codes '2=X' gives 'X', not an HJ 212 data flag (N, F, M, S, D, C, T, B)",
            "Map:8:codes 'two=M' is not KEY=FLAG with KEY a whole value, decimal or 0x hex",
            "Map:9:type 'float32' is not a whole number: a status register is uint16, int16, uint32 or int32",
            "Map:11:bits '16=C' is not KEY=FLAG with KEY a bit number 0..15",
            "Map:12 names no quantity (a value) and no status (a status register)",
            "Map:13 has both quantity (a value) and status (a status register); split it in two",
            "Map:10:quantities names 'benzene', which the map does not read (nox, so2, o2, ph, cod)",
        ], problems);
    }

    [Fact]
    public void The_descriptor_reports_the_map_with_the_settings_and_knows_the_quantities_before_it_opens()
    {
        var sensor = Sensor([Entry(("quantity", "nox"), ("register", "0")), Entry(("quantity", "so2_rate"), ("register", "2")), Entry(("quantity", "o2"), ("register", "4"))],
            ("unit", "300"), ("maxGap", "65"));

        Assert.Equal(["nox", "o2"], DriverCatalogue.QuantitiesOf(sensor));
        Assert.Equal(
        [
            "Settings:unit '300' must be a whole number 1..247",
            "Settings:maxGap '65' must be a whole number 0..64",
            "Map:1:quantity 'so2_rate' is derived from so2 by Ingest (Rate), never read from a device: map so2 and the quantities it is converted with",
        ], DriverCatalogue.Problems(sensor));
        var refused = Assert.Throws<ArgumentException>(() => DriverCatalogue.Open(sensor, DriverContext.Simulation()));
        Assert.Contains("Map:1:quantity 'so2_rate'", refused.Message);
    }

    [Fact]
    public void An_empty_map_is_refused_and_a_driver_that_reads_no_map_refuses_one()
    {
        Assert.Equal(
            ["Map is missing: list the device's registers, one entry per quantity ({ \"quantity\": \"nox\", \"register\": \"0x0000\", \"type\": \"float32\" })"],
            DriverCatalogue.Problems(Sensor([])));

        var meter = new SensorOptions { Id = "m1", Driver = "modbus-sdm630", Settings = { ["port"] = "/dev/ttyUSB0" }, Map = [Entry(("quantity", "power"), ("register", "0"))] };
        Assert.Equal(["Map: modbus-sdm630 reads no register map (only modbus-map do); remove it"], DriverCatalogue.Problems(meter));
    }
}
