using System.Buffers;
using System.Text.Json;

namespace SmartPark.Bench.Load;

/// <summary>
/// Telemetry batches as an agent sends them (docs/architecture.md "Telemetry batch"). Reading
/// <c>k</c> of a device comes from sensor <c>k mod Sensors</c> with timestamp
/// <c>origin + k div Sensors</c> ms, so every reading is its own point in InfluxDB (a
/// <c>count</c> there is exactly the number of distinct readings stored), and timestamps
/// advance no faster than the clock up to 100,000 readings/s per device: readings land in the
/// current rollup windows, as live telemetry does, not in windows that closed long ago.
/// With <c>stampPublishTime</c>, every reading is dated when its batch is built instead, just
/// before it is published: a consumer in another process can then tell how long the batch took.
/// </summary>
internal sealed class TelemetryPayload(string device, DateTimeOffset origin, int readingsPerMessage, bool stampPublishTime = false)
{
    public const int Sensors = 100;
    private static readonly string[] SensorIds = [.. Enumerable.Range(0, Sensors).Select(i => $"voc-{i:D2}")];

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
            var now = DateTime.UtcNow;
            for (var i = 0; i < readingsPerMessage; i++)
            {
                json.WriteStartObject();
                var k = first + i;
                json.WriteString("sensor", SensorIds[k % Sensors]);
                json.WriteString("quantity", "nmhc");
                json.WriteNumber("value", 1 + (k % 500 / 100.0));
                json.WriteString("unit", "mg/m3");
                json.WriteString("ts", stampPublishTime ? now : origin.UtcDateTime.AddMilliseconds(k / Sensors));
                json.WriteString("flag", "N");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return _buffer.WrittenSpan.ToArray();
    }
}
