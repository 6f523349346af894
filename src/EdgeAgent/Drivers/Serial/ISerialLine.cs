namespace SmartPark.EdgeAgent.Drivers.Serial;

/// <summary>
/// A byte pipe to one serial device (RS-485 adapter, UART). The real one is
/// <see cref="SerialPortLine"/>; tests hand the protocol code a scripted line.
/// </summary>
public interface ISerialLine : IDisposable
{
    /// <summary>The device file, e.g. /dev/ttyUSB0, for messages.</summary>
    string Name { get; }

    int BaudRate { get; }

    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads at least one byte, or throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Drops whatever arrived unasked (a late reply to an earlier request, line noise).</summary>
    void DiscardInput();
}
