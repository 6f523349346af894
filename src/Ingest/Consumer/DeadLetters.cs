using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;

namespace SmartPark.Ingest.Consumer;

/// <summary>Builds the dead-letter message for a refused payload: the reasons, the topic, and the
/// payload itself, so an integrator can see exactly what their device sent.</summary>
public static class DeadLetters
{
    private const int MaxTextPayload = 16 * 1024;

    // sender: whose dead-letter topic to use (a device refused for publishing elsewhere); by
    // default the device the topic names.
    public static MqttApplicationMessage Build(string topic, ReadOnlySpan<byte> payload, IReadOnlyList<ValidationError> errors, DateTimeOffset receivedAt, DeviceAddress? sender = null)
    {
        var target = sender is { } from
            ? SmartParkTopics.DeadLetter(from)
            : SmartParkTopics.TryParse(topic, out var parsed) && parsed.Device is { } device
                ? SmartParkTopics.DeadLetter(device)
                : SmartParkTopics.UnaddressedDeadLetter;
        var (text, encoding) = Describe(payload);
        var letter = new DeadLetter
        {
            Topic = topic,
            ReceivedAt = receivedAt,
            Errors = errors,
            Payload = text,
            PayloadEncoding = encoding,
            PayloadBytes = payload.Length,
        };
        return new MqttApplicationMessageBuilder()
            .WithTopic(target)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(letter, ContractsJsonContext.Default.DeadLetter))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .WithContentType("application/json")
            .Build();
    }

    private static (string Text, string Encoding) Describe(ReadOnlySpan<byte> payload)
    {
        if (payload.Length <= MaxTextPayload)
        {
            try
            {
                return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload), "utf8");
            }
            catch (DecoderFallbackException)
            {
                // not text: fall through to base64
            }
        }
        // An oversize payload is kept whole in base64 only up to a bound; the rest is cut.
        var kept = payload[..Math.Min(payload.Length, 48 * 1024)];
        return (Convert.ToBase64String(kept), "base64");
    }
}
