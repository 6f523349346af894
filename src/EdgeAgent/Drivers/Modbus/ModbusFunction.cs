namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>The function codes this client speaks (Modbus Application Protocol v1.1b3 §6).</summary>
public enum ModbusFunction : byte
{
    ReadHoldingRegisters = 0x03,
    ReadInputRegisters = 0x04,
    WriteSingleRegister = 0x06,
    WriteMultipleRegisters = 0x10,
}
