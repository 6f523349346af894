using System.Device.Spi;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Max31856;

/// <summary>
/// Analog Devices MAX31856 thermocouple converter on SPI (mode 1), for hot spots a contact
/// probe can reach: ovens, dryers, exhaust ducts, up to 1,300 °C with a type K probe. It runs in
/// automatic conversion with open-thermocouple detection and the 50 Hz mains filter; each read
/// takes the linearised temperature (0x0C–0x0E: signed 19 bits, 1/128 °C) and the fault status
/// (0x0F) in one transfer. Any fault (open probe, out of range, over/under voltage) is an error.
/// Written here rather than with Iot.Device.Max31856 to set the 50 Hz filter and report faults.
/// </summary>
public sealed class Max31856Driver : ISensorDriver, IDisposable
{
    public const byte Cr0 = 0x00;
    public const byte Cr1 = 0x01;
    public const byte LinearisedTemperature = 0x0C;
    public const byte WriteBit = 0x80;

    /// <summary>CR0: automatic conversion, open-circuit detection (OCFAULT = 01), 50 Hz filter.</summary>
    public const byte Cr0AutoOpenDetect50Hz = 0x80 | 0x10 | 0x01;

    /// <summary>CR1's thermocouple type codes 0–7, in order.</summary>
    private const string ThermocoupleTypes = "BEJKNRST";

    private static readonly string[] FaultNames =
        ["thermocouple open", "over/under voltage on the inputs", "thermocouple below its low threshold", "thermocouple above its high threshold",
         "cold junction below its low threshold", "cold junction above its high threshold", "thermocouple out of range", "cold junction out of range"];

    private readonly SpiDevice _device;
    private readonly LinearCalibration _calibration;

    public Max31856Driver(SensorOptions options, IHardware hardware)
        : this(options, hardware.OpenSpi(options.GetInt("bus", 0), options.GetInt("chipSelect", 0), 1_000_000, SpiMode.Mode1))
    {
    }

    public Max31856Driver(SensorOptions options, SpiDevice device)
    {
        SensorId = options.Id;
        _calibration = LinearCalibration.From(options, QuantityCatalogue.Temperature.Name);
        var type = options.GetString("type", "K").ToUpperInvariant();
        var code = type.Length == 1 ? ThermocoupleTypes.IndexOf(type[0], StringComparison.Ordinal) : -1;
        if (code < 0)
            throw new ArgumentException($"Sensor '{options.Id}': thermocouple type '{type}' must be one of {string.Join(", ", ThermocoupleTypes.ToCharArray())}");
        _device = device;
        _device.Write([WriteBit | Cr0, Cr0AutoOpenDetect50Hz]);
        _device.Write([WriteBit | Cr1, (byte)code]);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Temperature.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        Span<byte> write = [LinearisedTemperature, 0, 0, 0, 0];
        Span<byte> read = stackalloc byte[5];
        _device.TransferFullDuplex(write, read);
        var status = read[4];
        if (status != 0)
        {
            var faults = Enumerable.Range(0, 8).Where(bit => (status & (1 << bit)) != 0).Select(bit => FaultNames[bit]);
            throw new IOException($"MAX31856 fault 0x{status:X2}: {string.Join(", ", faults)}");
        }
        // 19-bit two's complement, left-aligned in 24 bits: sign-extend via int, then drop 5 bits.
        var raw = ((read[1] << 24) | (read[2] << 16) | (read[3] << 8)) >> 13;
        var celsius = raw / 128.0;
        return [new SensorValue(QuantityCatalogue.Temperature.Name, Math.Round(_calibration.Apply(celsius), 3))];
    }

    public void Dispose() => _device.Dispose();
}
