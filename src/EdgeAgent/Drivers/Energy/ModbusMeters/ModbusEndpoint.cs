using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>Where a Modbus meter is: an RS-485 line (RTU) or a host and port (TCP).</summary>
public sealed record ModbusEndpoint(SerialSettings? Serial, string? Host, int TcpPort, TimeSpan Timeout)
{
    public string Key => Serial is not null ? Serial.Port : $"{Host}:{TcpPort}";

    /// <summary>The shared client for this endpoint; opening a missing serial device throws a clear error.</summary>
    public SharedBus<ModbusClient> Acquire() => SharedBus<ModbusClient>.Acquire(Key, () => new ModbusClient(OpenTransport()));

    private IModbusTransport OpenTransport()
    {
        if (Serial is null)
            return new ModbusTcpTransport(Host!, TcpPort, Timeout);
        var line = SerialPortLine.Open(Serial);
        return new ModbusRtuTransport(line, Timeout, Serial.BitsPerCharacter);
    }
}
