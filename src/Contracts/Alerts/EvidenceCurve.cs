using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Contracts.Alerts;

/// <summary>
/// One curve an alert carries as evidence (<see cref="AlertDocument.Evidence"/>): what was measured
/// around the alert, e.g. a production line's power and its treatment equipment's power, so the
/// people it reaches see the case without querying history. Labels in Chinese and English.
/// </summary>
public sealed record EvidenceCurve
{
    /// <summary>The curve's name in Chinese, e.g. 生产设备功率.</summary>
    public required string Label { get; init; }
    public required string LabelEn { get; init; }
    /// <summary>Catalogue quantity (e.g. <c>power</c>) and its canonical unit.</summary>
    public required string Quantity { get; init; }
    public required string Unit { get; init; }
    /// <summary>The sensor(s) behind the curve, <c>device/sensor</c>, comma-separated when it is a sum of several.</summary>
    public string? Sensor { get; init; }
    /// <summary>Oldest first; JSON <c>[[unixMs, value], ...]</c>.</summary>
    public IReadOnlyList<EvidencePoint> Points { get; init; } = [];
}

/// <summary>One point of an evidence curve, written as <c>[unixMs, value]</c> to keep documents small.</summary>
[JsonConverter(typeof(EvidencePointConverter))]
public readonly record struct EvidencePoint(long UnixMs, double Value);

/// <summary>Reads and writes an <see cref="EvidencePoint"/> as a two-number array.</summary>
public sealed class EvidencePointConverter : JsonConverter<EvidencePoint>
{
    public override EvidencePoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("an evidence point is [unixMs, value]");
        reader.Read();
        var ms = reader.GetInt64();
        reader.Read();
        var value = reader.GetDouble();
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("an evidence point is [unixMs, value]");
        return new EvidencePoint(ms, value);
    }

    public override void Write(Utf8JsonWriter writer, EvidencePoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.UnixMs);
        writer.WriteNumberValue(value.Value);
        writer.WriteEndArray();
    }
}
