using System.Device.Gpio;
using SmartPark.EdgeAgent.Drivers.GpioDetector;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.GpioDetector;

public class GpioDetectorTests
{
    [Fact]
    public void The_state_changes_only_after_the_level_held_for_the_debounce_time()
    {
        var input = new DebouncedInput(TimeSpan.FromMilliseconds(200));
        Assert.False(input.Sample(true, At));
        Assert.False(input.Sample(true, At.AddMilliseconds(150)));
        Assert.True(input.Sample(true, At.AddMilliseconds(200)));
        Assert.True(input.IsActive);
        Assert.False(input.Sample(false, At.AddMilliseconds(300)));
        Assert.False(input.Sample(true, At.AddMilliseconds(350)));   // bounce back: timer restarts
        Assert.False(input.Sample(false, At.AddMilliseconds(400)));
        Assert.True(input.Sample(false, At.AddMilliseconds(600)));
        Assert.False(input.IsActive);
    }

    [Fact]
    public void Zero_debounce_follows_the_input_at_once()
    {
        var input = new DebouncedInput(TimeSpan.Zero);
        Assert.True(input.Sample(true, At));
        Assert.True(input.Sample(false, At));
    }

    [Theory]
    [InlineData("gpio-smoke", "low", null, "smoke", false, PinMode.InputPullUp)]
    [InlineData("gpio-flame", "high", null, "flame", true, PinMode.InputPullDown)]
    [InlineData("gpio-smoke", "low", "none", "smoke", false, PinMode.Input)]
    public void Settings_give_quantity_level_and_pull(string driver, string level, string? pull, string quantity, bool activeHigh, PinMode mode)
    {
        var settings = new List<(string, string)> { ("pin", "17"), ("activeLevel", level) };
        if (pull is not null)
            settings.Add(("pull", pull));
        var input = FireDetectorInput.From(Options(driver, [.. settings]));
        Assert.Equal((quantity, 17, activeHigh, mode, TimeSpan.FromMilliseconds(200)), (input.Quantity, input.Pin, input.ActiveHigh, input.Mode, input.Debounce));
    }

    [Theory]
    [InlineData("pin", "40", "pin must be a header GPIO")]
    [InlineData("activeLevel", "open", "activeLevel 'open'")]
    [InlineData("debounceMs", "2000", "within 1 s")]
    public void Bad_settings_are_refused_with_the_reason(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { ["pin"] = "17", [key] = value };
        var ex = Assert.Throws<ArgumentException>(() => FireDetectorInput.From(Options("gpio-smoke", [.. settings.Select(kv => (kv.Key, kv.Value))])));
        Assert.Contains(message, ex.Message);
    }
}
