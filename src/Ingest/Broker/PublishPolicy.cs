using MQTTnet.Protocol;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;

namespace SmartPark.Ingest.Broker;

/// <summary>Why the broker refuses a publish: the PUBACK reason, the metric/log reason, and every error for the dead letter.</summary>
public sealed record PublishRefusal(MqttPubAckReasonCode Code, string Reason, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// What the embedded broker lets an account publish: the topic and the retain flag against
/// <see cref="TopicAcl"/>, and, for a device's status (retained and shown to every viewer of the
/// park), the body against <see cref="DeviceStatusValidator"/>. Pure, so every case is a unit test.
/// </summary>
public static class PublishPolicy
{
    public const string NotAuthorized = "not_authorized";
    public const string RetainNotAllowed = "retain_not_allowed";
    public const string InvalidStatus = "invalid_status";

    /// <returns>Null when the publish may go ahead.</returns>
    public static PublishRefusal? Check(Principal? principal, string topic, bool retain, ReadOnlySpan<byte> payload)
    {
        if (principal is null || !TopicAcl.MayPublish(principal, topic))
        {
            var who = principal?.Username ?? "an unknown account";
            var message = principal is DevicePrincipal d
                ? $"device '{d.Address.Device}' may publish only {SmartParkTopics.Telemetry(d.Address)} and {SmartParkTopics.Status(d.Address)}, not {topic}"
                : $"{who} may not publish to {topic}";
            return new(MqttPubAckReasonCode.NotAuthorized, NotAuthorized, [new(RejectionCodes.NotAuthorized, message)]);
        }
        if (retain && !TopicAcl.MayPublish(principal, topic, retain: true))
            return new(MqttPubAckReasonCode.NotAuthorized, RetainNotAllowed, [new(RejectionCodes.NotAuthorized, $"{principal.Username} may not retain a message on {topic} (only a device's status is retained)")]);
        // A device may publish only its telemetry and its status (checked above): the leaf says which.
        if (principal is DevicePrincipal device && topic.EndsWith("/status", StringComparison.Ordinal))
        {
            var errors = DeviceStatusValidator.Validate(payload, device.Address);
            if (errors.Count > 0)
                return new(MqttPubAckReasonCode.PayloadFormatInvalid, InvalidStatus, errors);
        }
        return null;
    }
}
