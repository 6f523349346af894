using System.Device.I2c;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

/// <summary>
/// An I2C chip as a 256-byte register file: the first byte of a write selects the register, the
/// rest are stored from there on, and reads continue from the selected register. Every write
/// transaction is logged so tests can assert the exact bytes a driver sent. Subclasses change
/// what a register write or read does (a mailbox register, a conversion that completes).
/// </summary>
public class FakeI2cDevice(int address, int bus = 1) : I2cDevice
{
    public byte[] Memory { get; } = new byte[256];

    public List<byte[]> Writes { get; } = [];

    public byte Pointer { get; private set; }

    public bool Disposed { get; private set; }

    public override I2cConnectionSettings ConnectionSettings { get; } = new(bus, address);

    public byte this[int register]
    {
        get => Memory[register];
        set => Memory[register] = value;
    }

    public void Set(int register, params byte[] bytes) => bytes.CopyTo(Memory, register);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Writes.Add(buffer.ToArray());
        if (buffer.IsEmpty)
            return;
        Pointer = buffer[0];
        if (buffer.Length > 1)
            OnWrite(Pointer, buffer[1..]);
    }

    public override void Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        OnRead(Pointer, buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected virtual void OnWrite(byte register, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
            Memory[(byte)(register + i)] = data[i];
    }

    protected virtual void OnRead(byte register, Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = Memory[(byte)(register + i)];
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
