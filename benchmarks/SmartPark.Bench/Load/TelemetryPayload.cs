using System.Buffers;
using System.Text.Json;

namespace SmartPark.Bench.Load;

/// <summary>
/// Telemetry batches as an agent sends them (ARCHITECTURE.md "Telemetry batch"). Reading
/// <c>k</c> of a device gets timestamp <c>origin + k ms</c>, so every reading is its own point
/// in InfluxDB and a <c>count</c> there is exactly the number of distinct readings stored.
/// </summary>
internal sealed class TelemetryPayload(string device, DateTimeOffset origin, int readingsPerMessage)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * readingsPerMessage);
    private readonly JsonWriterOptions _options = new() { SkipValidation = true };

    /// <summary>Batch number <paramref name="seq"/> (1, 2, …) of this device; not thread-safe.</summary>
    public byte[] Build(long seq)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, _options))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", 1);
            json.WriteString("device", device);
            json.WriteNumber("seq", seq);
            json.WriteString("sentAt", DateTime.UtcNow);
            json.WriteStartArray("readings");
            var first = (seq - 1) * readingsPerMessage;
            for (var i = 0; i < readingsPerMessage; i++)
            {
                json.WriteStartObject();
                json.WriteString("sensor", "voc-1");
                json.WriteString("quantity", "nmhc");
                json.WriteNumber("value", 1 + ((first + i) % 500 / 100.0));
                json.WriteString("unit", "mg/m3");
                json.WriteString("ts", origin.UtcDateTime.AddMilliseconds(first + i));
                json.WriteString("flag", "N");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return _buffer.WrittenSpan.ToArray();
    }
}
