using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>Publish and listen helpers the rights tests share for both brokers.</summary>
internal static class BrokerRights
{
    public static readonly DeviceAddress OtherPark = new("p-elsewhere", "e-elsewhere", "d-elsewhere");

    /// <summary>Publishes every case of <see cref="PublishRights.Cases"/> as <paramref name="own"/> and returns a line per
    /// case whose answer disagrees with <paramref name="expected"/> (empty when all agree).</summary>
    public static async Task<List<string>> MismatchesAsync(IMqttClient client, DeviceAddress own, DeviceAddress sameParkOther,
        Func<TopicKind, PublishRights.Whose, bool, bool> expected)
    {
        var mismatches = new List<string>();
        foreach (var (kind, whose, retain) in PublishRights.Cases())
        {
            var target = PublishRights.Target(whose, own, sameParkOther, OtherPark);
            var topic = SmartParkTopics.Of(kind, target, PublishRights.AlertId);
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(PublishRights.Body(kind, target))
                .WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            // Accepted with or without a subscriber; anything else is a refusal.
            var allowed = result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;
            if (allowed != expected(kind, whose, retain))
                mismatches.Add($"{topic} retain={retain}: {result.ReasonCode}, expected {(expected(kind, whose, retain) ? "allowed" : "refused")}");
        }
        return mismatches;
    }

    /// <summary>A connected client that queues every message it receives on <paramref name="filters"/>.</summary>
    public static async Task<(IMqttClient Client, ConcurrentQueue<MqttApplicationMessage> Received)> ListenAsync(
        int port, string username, string password, string clientId, params string[] filters)
    {
        var (client, code) = await TestDevice.ConnectAsync(port, username, password, clientId);
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        var received = new ConcurrentQueue<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += m =>
        {
            received.Enqueue(m.ApplicationMessage);
            return Task.CompletedTask;
        };
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        var granted = await client.SubscribeAsync(subscribe.Build());
        Assert.All(granted.Items, i => Assert.True(i.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2, $"{i.TopicFilter.Topic}: {i.ResultCode}"));
        return (client, received);
    }

    /// <summary>Connects a device with a last will, then drops the connection without a DISCONNECT
    /// (disposing an MQTTnet client closes the socket), so the broker sends the will.
    /// Returns the CONNACK's answer (a broker may already refuse a will it would not send).</summary>
    public static async Task<MqttClientConnectResultCode> LeaveWithWillAsync(int port, DeviceAddress device, string willTopic, byte[] willPayload, bool retain)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(device.Device)
            .WithCredentials(device.Device, RegistryFile.PasswordOf(device.Device))
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(retain)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        using (client)
        {
            MqttClientConnectResult connected;
            try
            {
                connected = await client.ConnectAsync(options);
            }
            catch (MQTTnet.Adapter.MqttConnectingFailedException)
            {
                // The broker closed the socket instead of answering: refused, reason unknown.
                return MqttClientConnectResultCode.UnspecifiedError;
            }
            return connected.ResultCode;
        }
    }
}
