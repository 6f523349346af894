using SmartPark.EdgeAgent.Drivers.Ads1115;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Ads1115;

public class Ads1115AdcTests
{
    [Theory]
    // OS=1, MUX=100+ch, PGA, MODE=1 single shot, DR=100 (128 SPS), COMP_QUE=11 (off)
    [InlineData(0, 4.096, 0xC3, 0x83)]
    [InlineData(1, 4.096, 0xD3, 0x83)]
    [InlineData(3, 2.048, 0xF5, 0x83)]
    [InlineData(2, 6.144, 0xE1, 0x83)]
    public void Each_read_writes_the_single_shot_config_word_for_its_channel(int channel, double fullScale, byte msb, byte lsb)
    {
        var chip = new FakeAds1115();
        var adc = new Ads1115Adc(chip, channel, fullScale);
        adc.ReadRaw();
        Assert.Equal([0x01, msb, lsb], chip.Writes[0]);
        // Then poll config, then read conversion.
        Assert.Equal([0x01], chip.Writes[1]);
        Assert.Equal([0x00], chip.Writes[^1]);
    }

    [Fact]
    public void It_waits_for_the_conversion_to_finish_before_reading_the_result()
    {
        var chip = new FakeAds1115 { BusyPolls = 3 };
        chip.InputVolts[2] = 1.5;
        var adc = new Ads1115Adc(chip, 2, 4.096);
        Assert.Equal(1.5, adc.ReadVolts(), 3);
        Assert.Equal(4, chip.Writes.Count(w => w is [0x01]));
    }

    [Fact]
    public void Counts_convert_to_volts_on_the_programmed_full_scale()
    {
        var chip = new FakeAds1115();
        chip.InputVolts[0] = 3.0;
        var adc = new Ads1115Adc(chip, 0, 4.096);
        Assert.Equal(24000, adc.ReadRaw());
        Assert.Equal(3.0, adc.ReadVolts(), 9);
    }

    [Fact]
    public void A_negative_count_near_zero_volts_reads_as_zero()
    {
        var chip = new FakeAds1115();
        chip.InputVolts[0] = -0.001;
        Assert.Equal(0, new Ads1115Adc(chip, 0, 4.096).ReadVolts());
    }

    [Fact]
    public void A_conversion_that_never_finishes_is_an_error_naming_the_chip()
    {
        var chip = new FakeAds1115 { BusyPolls = int.MaxValue };
        var ex = Assert.Throws<IOException>(() => new Ads1115Adc(chip, 1, 4.096).ReadRaw());
        Assert.Contains("0x48", ex.Message);
        Assert.Contains("AIN1", ex.Message);
    }

    [Theory]
    [InlineData(4, 4.096)]
    [InlineData(0, 5.0)]
    public void Invalid_channel_or_range_is_refused(int channel, double fullScale) =>
        Assert.ThrowsAny<ArgumentException>(() => new Ads1115Adc(new FakeAds1115(), channel, fullScale));
}
