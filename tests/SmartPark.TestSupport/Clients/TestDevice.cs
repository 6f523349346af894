using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;

namespace SmartPark.TestSupport;

/// <summary>A bare MQTT 5 client for access tests: connects once, reports what the broker answered.</summary>
public static class TestDevice
{
    public static async Task<(IMqttClient Client, MqttClientConnectResultCode Code)> ConnectAsync(int port, string? username, string? password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? username ?? "anon-" + Guid.NewGuid().ToString("N")[..8])
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (username is not null)
            options.WithCredentials(username, password);
        try
        {
            var result = await client.ConnectAsync(options.Build());
            return (client, result.ResultCode);
        }
        catch (MqttConnectingFailedException)
        {
            // The broker closed the socket instead of answering: refused, reason unknown.
            return (client, MqttClientConnectResultCode.UnspecifiedError);
        }
    }

    public static Task<MqttClientPublishResult> PublishReadingAsync(IMqttClient client, DeviceAddress topicDevice, long seq, DateTimeOffset ts, string? payloadDevice = null) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(topicDevice))
            .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(payloadDevice ?? topicDevice.Device, seq, TelemetryJson.Reading(ts: ts))))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
