using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Bench.Load;
using SmartPark.Contracts.Topics;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// One live reading from the history bench's device over MQTT: the history page lists only the
/// devices the Dashboard has heard from, and the month in InfluxDB was written behind its back.
/// </summary>
internal static class DeviceAnnouncement
{
    public static async Task PublishAsync(int brokerPort, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(BenchMqttOptions.Build(brokerPort, "history-device"), cancellationToken);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var batch = $$"""{"schema":1,"device":"{{MonthOfRollups.Device}}","seq":1,"sentAt":"{{now}}","readings":[{"sensor":"{{MonthOfRollups.Sensor}}","quantity":"{{MonthOfRollups.Quantity}}","value":2,"unit":"mg/m3","ts":"{{now}}","flag":"N"}]}""";
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(new DeviceAddress(MonthOfRollups.Park, MonthOfRollups.Enterprise, MonthOfRollups.Device)))
            .WithPayload(batch)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
    }
}
