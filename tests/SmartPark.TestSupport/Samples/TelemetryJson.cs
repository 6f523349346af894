using System.Globalization;
using System.Text.Json.Nodes;

namespace SmartPark.TestSupport;

/// <summary>Telemetry payloads for tests, valid unless a test breaks them on purpose.</summary>
public static class TelemetryJson
{
    public static JsonObject Reading(string sensor = "voc-1", string quantity = "nmhc", double value = 2.7, string unit = "mg/m3", DateTimeOffset? ts = null, string flag = "N") =>
        new()
        {
            ["sensor"] = sensor,
            ["quantity"] = quantity,
            ["value"] = value,
            ["unit"] = unit,
            ["ts"] = (ts ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["flag"] = flag,
        };

    public static JsonObject Batch(string device, long seq, params JsonObject[] readings) =>
        new()
        {
            ["schema"] = 1,
            ["device"] = device,
            ["seq"] = seq,
            ["sentAt"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["readings"] = new JsonArray(readings.Select(r => (JsonNode)r).ToArray()),
        };

    public static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
}
