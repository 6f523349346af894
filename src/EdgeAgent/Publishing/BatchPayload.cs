using System.Buffers;
using System.Text.Json;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Outbox;

namespace SmartPark.EdgeAgent.Publishing;

/// <summary>Wraps an outbox entry's stored readings into the telemetry batch JSON without
/// parsing them again.</summary>
public static class BatchPayload
{
    public static byte[] Build(string device, OutboxEntry entry, DateTimeOffset sentAt)
    {
        var buffer = new ArrayBufferWriter<byte>(entry.ReadingsJson.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", TelemetryBatch.CurrentSchema);
            writer.WriteString("device", device);
            writer.WriteNumber("seq", entry.Seq);
            writer.WriteString("sentAt", sentAt);
            writer.WritePropertyName("readings");
            writer.WriteRawValue(entry.ReadingsJson, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
