namespace SmartPark.Platform.Mqtt;

/// <summary>The last will the broker publishes when this client vanishes without a clean disconnect.</summary>
public sealed record MqttWill(string Topic, byte[] Payload, bool Retain);
