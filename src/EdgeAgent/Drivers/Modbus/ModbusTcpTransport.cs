using System.Buffers.Binary;
using System.Net.Sockets;

namespace SmartPark.EdgeAgent.Drivers.Modbus;

/// <summary>
/// Modbus TCP: each PDU goes behind a 7-byte MBAP header (transaction id, protocol 0, length,
/// unit). Connects lazily and drops the connection after any failure, so the next poll starts
/// clean; a reply with an older transaction id (one that arrived after its timeout) is skipped.
/// </summary>
public sealed class ModbusTcpTransport(string host, int port, TimeSpan timeout) : IModbusTransport
{
    private TcpClient? _tcp;
    private NetworkStream? _stream;
    private ushort _transaction;

    public string Endpoint => $"{host}:{port}";

    public byte[] Exchange(byte unit, ReadOnlySpan<byte> requestPdu)
    {
        var id = ++_transaction;
        var frame = new byte[7 + requestPdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, id);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(requestPdu.Length + 1));
        frame[6] = unit;
        requestPdu.CopyTo(frame.AsSpan(7));
        try
        {
            var stream = Connect();
            stream.Write(frame);
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var (replyId, replyUnit, pdu) = ReadFrame(stream);
                if (replyId == id)
                {
                    if (replyUnit != unit)
                        throw new ModbusProtocolException($"Modbus TCP {Endpoint} answered for unit {replyUnit}, not {unit}");
                    return pdu;
                }
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Modbus TCP {Endpoint}: no reply to transaction {id} within {timeout.TotalMilliseconds:0} ms");
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException)
        {
            Disconnect();
            if (ex is IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } })
                throw new TimeoutException($"Modbus TCP {Endpoint}: no reply within {timeout.TotalMilliseconds:0} ms", ex);
            if (ex is SocketException socket)
                throw new IOException($"Modbus TCP {Endpoint}: {socket.Message}", socket);
            throw;
        }
    }

    public void Dispose() => Disconnect();

    private NetworkStream Connect()
    {
        if (_stream is not null)
            return _stream;
        var tcp = new TcpClient { NoDelay = true, ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
        try
        {
            using var connectTimeout = new CancellationTokenSource(timeout);
            tcp.ConnectAsync(host, port, connectTimeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            tcp.Dispose();
            throw new TimeoutException($"Modbus TCP {Endpoint}: could not connect within {timeout.TotalMilliseconds:0} ms");
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
        _tcp = tcp;
        _stream = tcp.GetStream();
        return _stream;
    }

    private (ushort Id, byte Unit, byte[] Pdu) ReadFrame(NetworkStream stream)
    {
        var header = new byte[7];
        stream.ReadExactly(header);
        var id = BinaryPrimitives.ReadUInt16BigEndian(header);
        var protocol = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        if (protocol != 0 || length is < 2 or > 254)
            throw new ModbusProtocolException($"Modbus TCP {Endpoint} sent a malformed header ({Convert.ToHexString(header)})");
        var pdu = new byte[length - 1];
        stream.ReadExactly(pdu);
        return (id, header[6], pdu);
    }

    private void Disconnect()
    {
        _stream?.Dispose();
        _tcp?.Dispose();
        _stream = null;
        _tcp = null;
    }
}
