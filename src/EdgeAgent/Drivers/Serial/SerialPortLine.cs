using System.IO.Ports;

namespace SmartPark.EdgeAgent.Drivers.Serial;

/// <summary>A real serial device through System.IO.Ports.</summary>
public sealed class SerialPortLine : ISerialLine
{
    private readonly SerialPort _port;

    private SerialPortLine(SerialPort port) => _port = port;

    public string Name => _port.PortName;

    public int BaudRate => _port.BaudRate;

    /// <summary>Opens the device, or explains why it cannot (missing, permission, busy).</summary>
    public static SerialPortLine Open(SerialSettings settings)
    {
        // Check first: System.IO.Ports reports a missing device as "access denied".
        if (!File.Exists(settings.Port))
            throw SerialDeviceUnavailableException.Missing(settings.Port);
        var port = new SerialPort(settings.Port, settings.BaudRate, settings.Parity, settings.DataBits, settings.StopBits)
        {
            Handshake = Handshake.None,
            ReadTimeout = 1000,
            WriteTimeout = 1000,
        };
        try
        {
            port.Open();
            return new SerialPortLine(port);
        }
        catch (UnauthorizedAccessException ex)
        {
            port.Dispose();
            throw SerialDeviceUnavailableException.Denied(settings.Port, ex);
        }
        catch (IOException ex)
        {
            port.Dispose();
            throw SerialDeviceUnavailableException.Failed(settings.Port, ex);
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var buffer = data.ToArray();
        _port.Write(buffer, 0, buffer.Length);
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        _port.ReadTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalMilliseconds));
        var chunk = new byte[buffer.Length];
        var n = _port.Read(chunk, 0, chunk.Length);
        chunk.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public void DiscardInput() => _port.DiscardInBuffer();

    public void Dispose() => _port.Dispose();
}
