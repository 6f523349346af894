using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Notifications.Safety;

/// <summary>Source-generated JSON for the safety webhook's body.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SafetyNotification))]
public sealed partial class SafetyJsonContext : JsonSerializerContext;
