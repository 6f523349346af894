using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Ads1115;

/// <summary>
/// An ADS1115 at register level: writing the config register with OS=1 starts a single-shot
/// conversion of the channel its MUX bits select; the config register reads OS=0 for
/// <see cref="BusyPolls"/> reads, then OS=1; the conversion register then holds the channel's
/// input voltage as a signed count of the programmed full scale.
/// </summary>
public sealed class FakeAds1115(int address = 0x48) : FakeI2cDevice(address)
{
    private static readonly double[] FullScale = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256];
    private int _busyLeft;
    private ushort _config = 0x8583; // the chip's power-on default
    private short _conversion;

    public double[] InputVolts { get; } = new double[4];

    public int BusyPolls { get; set; }

    public int Conversions { get; private set; }

    // The ADS1115's registers are 16-bit words, not a byte file: keep them apart.
    protected override void OnWrite(byte register, ReadOnlySpan<byte> data)
    {
        Assert.Equal(0x01, register);
        Assert.Equal(2, data.Length);
        var config = (ushort)((data[0] << 8) | data[1]);
        _config = (ushort)(config & 0x7FFF); // OS reads 0 while converting
        if ((config & 0x8000) == 0)
            return;
        var mux = (config >> 12) & 0b111;
        Assert.True(mux >= 0b100, "single-ended channels only");
        var fullScale = FullScale[(config >> 9) & 0b111];
        _conversion = (short)Math.Clamp(Math.Round(InputVolts[mux - 0b100] / fullScale * 32768), short.MinValue, short.MaxValue);
        _busyLeft = BusyPolls;
        Conversions++;
    }

    protected override void OnRead(byte register, Span<byte> buffer)
    {
        ushort word;
        if (register == 0x01)
        {
            if (_busyLeft-- <= 0)
                _config |= 0x8000;
            word = _config;
        }
        else
        {
            Assert.Equal(0x00, register);
            word = (ushort)_conversion;
        }
        buffer[0] = (byte)(word >> 8);
        buffer[1] = (byte)word;
    }
}
