using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>Source-generated JSON for the webhook body and for what the outbox keeps.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BureauNotification))]
[JsonSerializable(typeof(AlertTransition))]
public sealed partial class BureauJsonContext : JsonSerializerContext;
