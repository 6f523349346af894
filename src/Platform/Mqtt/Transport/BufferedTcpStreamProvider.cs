using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace SmartPark.Platform.Mqtt.Transport;

/// <summary>
/// Opens the plain TCP connection to the broker the way MQTTnet would (no Nagle, the configured
/// socket buffers), but hands MQTTnet a <see cref="ReadBufferedStream"/> so that a burst of
/// small packets costs one receive call instead of two or more per packet.
/// </summary>
public sealed class BufferedTcpStreamProvider(int socketBufferBytes) : IMqttClientStreamProvider
{
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (socketBufferBytes > 0)
            {
                socket.ReceiveBufferSize = socketBufferBytes;
                socket.SendBufferSize = socketBufferBytes;
            }
            await socket.ConnectAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);
            return new ConnectedStream(new NetworkStream(socket, ownsSocket: true), socket.LocalEndPoint, socket.RemoteEndPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Tells MQTTnet the socket's end points, for its diagnostics.</summary>
    private sealed class ConnectedStream(Stream inner, EndPoint? local, EndPoint? remote) : ReadBufferedStream(inner), IMqttClientStreamEndPoints
    {
        public EndPoint? LocalEndPoint => local;
        public EndPoint? RemoteEndPoint => remote;
    }
}
