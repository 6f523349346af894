using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>Source-generated JSON for the webhook body.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BureauNotification))]
public sealed partial class BureauJsonContext : JsonSerializerContext;
