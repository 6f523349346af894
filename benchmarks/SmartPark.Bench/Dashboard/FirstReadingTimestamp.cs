using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// Reads a <c>readings</c> array down to the first reading's <c>ts</c> and skips the rest: the bench
/// dates every reading of a batch with its publish time, so one is enough, and 500 clients parsing
/// every reading of every batch would spend the CPU the Dashboard needs.
/// </summary>
internal sealed class FirstReadingTimestamp : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("readings is not an array");
        DateTimeOffset? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is not null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var isTs = reader.ValueTextEquals("ts"u8);
                reader.Read();
                if (isTs)
                    first = reader.GetDateTimeOffset();
                else
                    reader.Skip();
            }
        }
        return first ?? throw new JsonException("a readings message without readings");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        throw new NotSupportedException("the bench only reads readings messages");
}
