using MQTTnet;
using MQTTnet.Protocol;

namespace SmartPark.TestSupport;

/// <summary>One QoS 1 publish from a throwaway client, as a device or Ingest would make it.</summary>
public static class MqttPublish
{
    public static async Task SendAsync(int port, string topic, byte[] payload, bool retain = false)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("pub-" + Guid.NewGuid().ToString("N")[..8]).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());
        await client.DisconnectAsync();
    }
}
