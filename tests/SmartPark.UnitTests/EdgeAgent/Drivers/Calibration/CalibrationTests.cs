using SmartPark.EdgeAgent.Drivers.Calibration;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Calibration;

public class CalibrationTests
{
    [Fact]
    public void Linear_calibration_scales_then_offsets()
    {
        var c = LinearCalibration.From(Options("x", ("scale", "1.1"), ("offset", "-2")), "co2");
        Assert.Equal((500 * 1.1) - 2, c.Apply(500), 9);
    }

    [Fact]
    public void A_quantity_specific_setting_wins_over_the_sensor_wide_one()
    {
        var o = Options("x", ("offset", "1"), ("temperature.offset", "-0.4"), ("humidity.scale", "0.95"));
        Assert.Equal(24.6, LinearCalibration.From(o, "temperature").Apply(25), 9);
        Assert.Equal((50 * 0.95) + 1, LinearCalibration.From(o, "humidity").Apply(50), 9);
        Assert.Equal(LinearCalibration.Identity, LinearCalibration.From(Options("x"), "co2"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void A_zero_or_non_finite_scale_is_refused(string scale)
    {
        var ex = Assert.Throws<ArgumentException>(() => LinearCalibration.From(Options("x", ("scale", scale)), "co2"));
        Assert.Contains("scale", ex.Message);
    }

    [Fact]
    public void Two_points_give_the_4_to_20_mA_line_and_extend_beyond_it()
    {
        var line = TwoPointCalibration.From(Options("x"), (4, 0), (20, 50));
        Assert.Equal(0, line.Apply(4), 9);
        Assert.Equal(25, line.Apply(12), 9);
        Assert.Equal(50, line.Apply(20), 9);
        Assert.Equal(53.125, line.Apply(21), 9);
    }

    [Fact]
    public void Configured_points_replace_the_defaults_for_a_zero_and_span_gas_check()
    {
        // Zero gas read 4.2 mA, a 40 mg/m³ span gas read 17.0 mA.
        var line = TwoPointCalibration.From(Options("x", ("point1", "4.2:0"), ("point2", "17.0:40")), (4, 0), (20, 50));
        Assert.Equal(0, line.Apply(4.2), 9);
        Assert.Equal(40, line.Apply(17.0), 9);
        Assert.Equal(20, line.Apply(10.6), 9);
    }

    [Theory]
    [InlineData("4", "point1 '4' must be written signal:value")]
    [InlineData("a:b", "point1 'a:b' must be written signal:value")]
    public void Malformed_points_are_refused_with_the_expected_form(string point, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => TwoPointCalibration.From(Options("x", ("point1", point)), (4, 0), (20, 50)));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Two_points_with_the_same_signal_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            TwoPointCalibration.From(Options("x", ("point1", "12:0"), ("point2", "12:50")), (4, 0), (20, 50)));
        Assert.Contains("same signal", ex.Message);
    }
}
