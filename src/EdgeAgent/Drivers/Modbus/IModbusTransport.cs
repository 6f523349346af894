namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>
/// Carries one request PDU (function code + data) to a unit and returns its reply PDU. RTU adds
/// the unit address and CRC on a serial line; TCP adds the MBAP header. Exception replies are
/// returned as they are: <see cref="ModbusClient"/> interprets them.
/// </summary>
public interface IModbusTransport : IDisposable
{
    /// <summary>A name for messages: the serial device or host:port.</summary>
    string Endpoint { get; }

    /// <exception cref="TimeoutException">No (complete) reply within the transport's timeout.</exception>
    /// <exception cref="IOException">The line or connection failed, or the reply is malformed.</exception>
    byte[] Exchange(byte unit, ReadOnlySpan<byte> requestPdu);
}
