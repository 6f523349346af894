using MQTTnet;
using MQTTnet.Formatter;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Bench.Load;

/// <summary>
/// MQTT 5 connection options for the bench's own clients, with the same socket buffers as the
/// services' <see cref="ResilientMqttClient"/>: with MQTTnet's 8 KiB default the measured
/// ceilings would be those of a TCP window, not of the broker.
/// </summary>
internal static class BenchMqttOptions
{
    public static MqttClientOptions Build(int port, string clientId, ushort receiveMaximum = 0)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (receiveMaximum > 0)
            builder.WithReceiveMaximum(receiveMaximum);
        var options = builder.Build();
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
            tcp.BufferSize = new MqttEndpointOptions().SocketBufferBytes;
        return options;
    }
}
