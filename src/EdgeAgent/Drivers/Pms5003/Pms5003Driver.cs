using System.Buffers.Binary;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Pms5003;

/// <summary>
/// Plantower PMS5003 / PMS7003 particulate sensor on a UART (9600 8N1). No binding exists, so
/// the frames are parsed here. The driver puts the sensor in passive mode and asks for a frame on
/// each read: in its default active mode it streams a frame every second, and the agent would
/// read stale frames from the port's buffer. Reports pm25 and pm10 in µg/m³ (atmospheric values).
/// </summary>
public sealed class Pms5003Driver : ISensorDriver, IDisposable
{
    public const int BaudRate = 9600;
    private const byte ChangeMode = 0xE1;
    private const byte ReadInPassiveMode = 0xE2;
    private const int MaxTries = 4;

    private readonly Stream _port;
    private readonly string _device;
    private readonly bool _cf1;
    private readonly LinearCalibration _pm25;
    private readonly LinearCalibration _pm10;

    public Pms5003Driver(SensorOptions options, IHardware hardware)
        : this(options, hardware.OpenSerial(options.GetString("port", "/dev/ttyAMA0"), BaudRate, TimeSpan.FromSeconds(2)))
    {
    }

    public Pms5003Driver(SensorOptions options, Stream port)
    {
        SensorId = options.Id;
        _device = $"PMS5003 on {options.GetString("port", "/dev/ttyAMA0")}";
        _cf1 = options.GetString("values", "atmospheric") == "cf1";
        _pm25 = LinearCalibration.From(options, QuantityCatalogue.Pm25.Name);
        _pm10 = LinearCalibration.From(options, QuantityCatalogue.Pm10.Name);
        _port = port;
        _port.Write(PmsFrame.Command(ChangeMode, 0x00));
        _port.Flush();
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Pm25.Name, QuantityCatalogue.Pm10.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        _port.Write(PmsFrame.Command(ReadInPassiveMode, 0x00));
        _port.Flush();
        var frame = NextDataFrame();
        var (pm25, pm10) = _cf1 ? (frame.Pm25Cf1, frame.Pm10Cf1) : (frame.Pm25Atm, frame.Pm10Atm);
        return
        [
            new SensorValue(QuantityCatalogue.Pm25.Name, Math.Max(0, Math.Round(_pm25.Apply(pm25), 1))),
            new SensorValue(QuantityCatalogue.Pm10.Name, Math.Max(0, Math.Round(_pm10.Apply(pm10), 1))),
        ];
    }

    public void Dispose() => _port.Dispose();

    /// <summary>
    /// The next 28-byte data frame. The mode change's short answer (length 4) and a frame the
    /// sensor was half-way through sending are skipped; a checksum error is an error.
    /// </summary>
    private PmsFrame NextDataFrame()
    {
        Span<byte> lengthBytes = stackalloc byte[2];
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            SerialFrames.SyncTo(_port, [PmsFrame.Start1, PmsFrame.Start2], 2 * PmsFrame.FrameLength, _device);
            SerialFrames.ReadExactly(_port, lengthBytes, _device);
            var length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            if (length != PmsFrame.DataLength)
            {
                if (length > 64)
                    throw new InvalidDataException($"{_device}: frame length {length} is not a PMS frame (wrong device on this port?)");
                SerialFrames.ReadExactly(_port, new byte[length], _device);
                continue;
            }
            var body = new byte[PmsFrame.FrameLength - 2];
            lengthBytes.CopyTo(body);
            SerialFrames.ReadExactly(_port, body.AsSpan(2), _device);
            try
            {
                return PmsFrame.Parse(body);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{_device}: {ex.Message}", ex);
            }
        }
        throw new InvalidDataException($"{_device}: no data frame after {MaxTries} frames");
    }
}
