using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Mhz19b;

/// <summary>
/// Winsen MH-Z19B NDIR CO2 sensor on a UART (9600 8N1). Written here rather than with
/// Iot.Device.Mhz19b so a checksum error is told apart from a timeout and reaches the log with
/// the bytes that failed. Automatic baseline correction is switched off by default (setting
/// <c>autoBaseline</c>): it assumes the room sees 400 ppm fresh air daily, which a closed
/// workshop does not.
/// </summary>
public sealed class Mhz19bDriver : ISensorDriver, IDisposable
{
    public const int BaudRate = 9600;

    private readonly Stream _port;
    private readonly string _device;
    private readonly double _rangePpm;
    private readonly LinearCalibration _calibration;

    public Mhz19bDriver(SensorOptions options, IHardware hardware)
        : this(options, hardware.OpenSerial(options.GetString("port", "/dev/ttyAMA0"), BaudRate, TimeSpan.FromSeconds(1)))
    {
    }

    public Mhz19bDriver(SensorOptions options, Stream port)
    {
        SensorId = options.Id;
        _device = $"MH-Z19B on {options.GetString("port", "/dev/ttyAMA0")}";
        _rangePpm = options.GetDouble("rangePpm", 5000);
        _calibration = LinearCalibration.From(options, QuantityCatalogue.Co2.Name);
        _port = port;
        // 0x79 with A0 switches automatic baseline correction on, 00 off; the sensor does not answer.
        _port.Write(Mhz19bFrame.Command(Mhz19bFrame.SetAutoBaseline, options.GetBool("autoBaseline", false) ? (byte)0xA0 : (byte)0x00));
        _port.Flush();
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Co2.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        _port.Write(Mhz19bFrame.Command(Mhz19bFrame.ReadCo2));
        _port.Flush();
        var frame = new byte[Mhz19bFrame.Length];
        frame[0] = Mhz19bFrame.Start;
        frame[1] = Mhz19bFrame.ReadCo2;
        SerialFrames.SyncTo(_port, [Mhz19bFrame.Start, Mhz19bFrame.ReadCo2], 3 * Mhz19bFrame.Length, _device);
        SerialFrames.ReadExactly(_port, frame.AsSpan(2), _device);
        int ppm;
        try
        {
            ppm = Mhz19bFrame.ParseCo2(frame);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{_device}: {ex.Message}", ex);
        }
        var flag = ppm >= _rangePpm ? DataFlag.OverRange : DataFlag.Normal;
        return [new SensorValue(QuantityCatalogue.Co2.Name, Math.Max(0, Math.Round(_calibration.Apply(ppm), 1)), flag)];
    }

    public void Dispose() => _port.Dispose();
}
