using SmartPark.Contracts.Validation;
using SmartPark.Simulator.Commands;
using SmartPark.Simulator.Load;

namespace SmartPark.UnitTests.Simulator;

public class LoadTests
{
    [Fact]
    public void A_load_device_publishes_batches_ingest_accepts_with_rising_seq()
    {
        var options = new LoadOptions { Devices = 250, Sensors = 7, Park = "load-park", Prefix = "load" };
        using var device = new LoadDevice(149, options);
        Assert.Equal("load-00150", device.Address.Device);
        Assert.Equal("load-e002", device.Address.Enterprise);
        var now = DateTimeOffset.UtcNow;
        var first = TelemetryValidator.Validate(device.Batch(now), device.Address, now);
        var second = TelemetryValidator.Validate(device.Batch(now.AddSeconds(1)), device.Address, now.AddSeconds(1));
        Assert.True(first.IsValid, first.Summary);
        Assert.True(second.IsValid, second.Summary);
        Assert.Equal(7, first.Batch!.Readings!.Count);
        Assert.Equal(first.Batch.Seq + 1, second.Batch!.Seq);
    }

    [Fact]
    public void Bad_load_options_are_named()
    {
        var problems = new LoadOptions { Devices = 0, Sensors = 0, Rate = -1, Park = "Bad Park" }.Problems().ToList();
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void An_industry_mix_reads_as_weights()
    {
        var mix = GenerateCommand.ParseMix("furniture_painting=3, printing ,warehousing=0.5");
        Assert.Equal(3, mix["furniture_painting"]);
        Assert.Equal(1, mix["printing"]);
        Assert.Equal(0.5, mix["warehousing"]);
        Assert.Throws<ArgumentException>(() => GenerateCommand.ParseMix("printing=lots"));
    }
}
