using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace SmartPark.Ingest.Broker.Transport;

/// <summary>
/// One accepted broker connection as MQTTnet's channel: reads and writes go to the guarded
/// stream. (MQTTnet's own <c>MqttTcpChannel</c> would do, but it decides "secure" by the
/// stream being an <c>SslStream</c>, which the guard in front of it is not.)
/// </summary>
internal sealed class BrokerStreamChannel(Stream stream, EndPoint local, EndPoint remote, bool secure, X509Certificate2? clientCertificate) : IMqttChannel
{
    private Stream? _stream = stream;

    public X509Certificate2 ClientCertificate => clientCertificate!;
    public EndPoint RemoteEndPoint => remote;
    public EndPoint LocalEndPoint => local;
    public bool IsSecureConnection => secure;

    public Task ConnectAsync(CancellationToken cancellationToken) => throw new NotSupportedException("A broker channel is connected when it is accepted.");

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_stream is not { } s)
            return 0;
        try
        {
            return await s.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return 0; // closed under the read: by the deadline, a limit, or the broker stopping
        }
    }

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        var s = _stream ?? throw new MQTTnet.Exceptions.MqttCommunicationException("The connection is closed.");
        try
        {
            foreach (var segment in buffer)
                await s.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw new MQTTnet.Exceptions.MqttCommunicationException("The connection is closed.");
        }
    }

    public void Dispose()
    {
        var s = Interlocked.Exchange(ref _stream, null);
        s?.Dispose();
    }
}
