using System.Buffers.Binary;
using System.Device.I2c;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Ads1115;

/// <summary>
/// One single-ended channel of a TI ADS1115 16-bit ADC, read in single-shot mode: write the
/// config register with OS=1, poll OS until the conversion is done, read the conversion register.
/// Written here rather than with Iot.Device.Ads1115 because single-shot per read is what lets
/// four sensors share a chip safely (no continuous mode left pointing at another channel).
/// </summary>
public sealed class Ads1115Adc : IDisposable
{
    public const int DefaultAddress = 0x48;

    /// <summary>Where the chip answers, by what its ADDR pin is tied to: the drivers that read through it list these.</summary>
    public static readonly IReadOnlyList<I2cAddress> Addresses =
        [new(0x48, "ADS1115 (ADDR→GND)"), new(0x49, "ADS1115 (ADDR→VDD)"), new(0x4A, "ADS1115 (ADDR→SDA)"), new(0x4B, "ADS1115 (ADDR→SCL)")];
    private const byte ConversionRegister = 0x00;
    private const byte ConfigRegister = 0x01;
    private const ushort StartSingleShot = 0x8000;
    private const ushort SingleShotMode = 0x0100;
    private const ushort Rate128Sps = 0x0080;
    private const ushort ComparatorDisabled = 0x0003;
    private const int MaxPolls = 100;

    /// <summary>PGA full-scale ranges in volts, by their 3-bit code.</summary>
    public static readonly IReadOnlyList<double> FullScales = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256];

    private readonly I2cDevice _device;
    private readonly Lock _chip;

    /// <param name="device">The chip (default address 0x48, ADDR to GND).</param>
    /// <param name="channel">AIN0..AIN3 against GND.</param>
    /// <param name="fullScaleVolts">One of <see cref="FullScales"/>; pick the smallest above the largest input.</param>
    public Ads1115Adc(I2cDevice device, int channel, double fullScaleVolts)
    {
        if (channel is < 0 or > 3)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "ADS1115 channel must be 0..3 (AIN0..AIN3)");
        var pga = FullScales.ToList().IndexOf(fullScaleVolts);
        if (pga < 0)
            throw new ArgumentOutOfRangeException(nameof(fullScaleVolts), fullScaleVolts, $"ADS1115 full scale must be one of {string.Join(", ", FullScales)} V");
        _device = device;
        Channel = channel;
        FullScaleVolts = fullScaleVolts;
        _chip = BusLocks.ForI2c(device.ConnectionSettings.BusId, device.ConnectionSettings.DeviceAddress);
        // MUX 100..111 = AINn vs GND.
        Config = (ushort)(StartSingleShot | ((0b100 | channel) << 12) | (pga << 9) | SingleShotMode | Rate128Sps | ComparatorDisabled);
    }

    public int Channel { get; }

    public double FullScaleVolts { get; }

    /// <summary>The config word written to start each conversion.</summary>
    public ushort Config { get; }

    /// <summary>Starts a conversion, waits for it and returns the signed 16-bit result.</summary>
    public short ReadRaw()
    {
        lock (_chip)
        {
            Span<byte> write = [ConfigRegister, (byte)(Config >> 8), (byte)Config];
            _device.Write(write);
            Span<byte> word = stackalloc byte[2];
            for (var poll = 0; ; poll++)
            {
                _device.WriteRead([ConfigRegister], word);
                if ((word[0] & 0x80) != 0)
                    break;
                if (poll >= MaxPolls)
                    throw new IOException($"ADS1115 at 0x{_device.ConnectionSettings.DeviceAddress:X2} never finished a conversion on AIN{Channel}");
                // 128 SPS is 7.8 ms a conversion.
                Thread.Sleep(1);
            }
            _device.WriteRead([ConversionRegister], word);
            return BinaryPrimitives.ReadInt16BigEndian(word);
        }
    }

    /// <summary>The channel's voltage; a negative count (noise around 0 V) reads as 0.</summary>
    public double ReadVolts() => Math.Max(0, (int)ReadRaw()) * FullScaleVolts / 32768.0;

    public void Dispose() => _device.Dispose();
}
