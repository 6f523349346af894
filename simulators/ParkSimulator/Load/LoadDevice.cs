using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Simulator.Load;

/// <summary>
/// One load device: its own MQTT 5 connection and login, publishing a telemetry batch of K
/// readings whenever the scheduler asks. No outbox: the load generator measures the broker and
/// what is behind it, and a batch the broker does not acknowledge is counted, not kept.
/// </summary>
public sealed class LoadDevice(int index, LoadOptions options) : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _id = options.DeviceId(index);
    private long _seq;

    public bool IsConnected => _client.IsConnected;

    public DeviceAddress Address { get; } = new(options.Park, options.EnterpriseId(index), options.DeviceId(index));

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithSmartParkTls(options.Host, options.Tls)
            .WithClientId(_id)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithCleanStart();
        if (options.DeviceSecret is { } secret)
            builder = builder.WithCredentials(_id, DevicePasswords.Derive(secret, _id));
        var result = await _client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"{_id}: broker refused the connection: {result.ResultCode}");
    }

    /// <summary>Publishes one batch at QoS 1; true when the broker acknowledged it as accepted.</summary>
    public async Task<bool> PublishAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(Address))
            .WithPayload(Batch(now))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        return result.IsSuccess;
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        _client.IsConnected ? _client.DisconnectAsync(cancellationToken: cancellationToken) : Task.CompletedTask;

    /// <summary>A valid telemetry batch, written by hand: thousands of these a second should not cost a serializer's allocations.</summary>
    public byte[] Batch(DateTimeOffset now)
    {
        var ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder(64 + (options.Sensors * 100));
        text.Append("{\"schema\":1,\"device\":\"").Append(_id).Append("\",\"seq\":").Append(Interlocked.Increment(ref _seq))
            .Append(",\"sentAt\":\"").Append(ts).Append("\",\"readings\":[");
        for (var s = 0; s < options.Sensors; s++)
        {
            if (s > 0)
                text.Append(',');
            var value = 20 + ((index + s + _seq) % 100 / 10.0);
            text.Append("{\"sensor\":\"t-").Append(s + 1).Append("\",\"quantity\":\"temperature\",\"value\":")
                .Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",\"unit\":\"degC\",\"ts\":\"").Append(ts).Append("\",\"flag\":\"N\"}");
        }
        text.Append("]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public void Dispose() => _client.Dispose();
}
