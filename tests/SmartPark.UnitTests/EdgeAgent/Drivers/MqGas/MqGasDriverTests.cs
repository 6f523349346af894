using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers.MqGas;
using SmartPark.UnitTests.EdgeAgent.Drivers.Ads1115;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.MqGas;

public class MqGasDriverTests
{
    private readonly FakeAds1115 _chip = new(0x49);
    private readonly FakeHardware _hardware = new();

    public MqGasDriverTests() => _hardware.I2c[(1, 0x49)] = () => _chip;

    // RL 10 kΩ, R0 10 kΩ, 5 V supply, divider 1.5, curve ppm = 1000 × (Rs/R0)^-2 (round numbers).
    private MqGasDriver Driver(params (string, string)[] more) => new(Options("mq-gas",
        [("address", "0x49"), ("channel", "3"), ("loadOhms", "10000"), ("r0Ohms", "10000"), ("curveA", "1000"), ("curveB", "-2"), .. more]), _hardware);

    [Fact]
    public void Clean_air_reads_rs_equal_r0_and_the_curve_constant()
    {
        // Rs = R0 = RL: Vout = 2.5 V, 1.667 V at the ADC; 1000 ppm = 2 %LEL of methane.
        _chip.InputVolts[3] = 2.5 / 1.5;
        var value = Assert.Single(Driver().Read(At));
        Assert.Equal("gas_lel", value.Quantity);
        Assert.Equal(2.0, value.Value, 1);
        Assert.Equal(DataFlag.Normal, value.Flag);
    }

    [Fact]
    public void Gas_lowers_rs_and_raises_the_lel_by_the_power_law()
    {
        // Rs = R0/4: Vout = 5 × RL / (RL + Rs) = 4 V; ppm = 1000 × 16 = 16,000 = 32 %LEL.
        var driver = Driver();
        Assert.Equal(32.0, driver.PercentLel(4.0), 6);
        _chip.InputVolts[3] = 4.0 / 1.5;
        Assert.Equal(32.0, Assert.Single(driver.Read(At)).Value, 1);
    }

    [Fact]
    public void Beyond_100_percent_lel_is_clamped_and_flagged_over_range()
    {
        _chip.InputVolts[3] = 4.9 / 1.5;
        var value = Assert.Single(Driver().Read(At));
        Assert.Equal(100, value.Value);
        Assert.Equal(DataFlag.OverRange, value.Flag);
    }

    [Fact]
    public void An_unpowered_module_is_a_fault()
    {
        _chip.InputVolts[3] = 0;
        var ex = Assert.Throws<IOException>(() => Driver().Read(At));
        Assert.Contains("unpowered", ex.Message);
    }

    [Fact]
    public void R0_from_commissioning_is_required()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqGasDriver(Options("mq-gas"), _hardware));
        Assert.Contains("r0Ohms", ex.Message);
    }
}
