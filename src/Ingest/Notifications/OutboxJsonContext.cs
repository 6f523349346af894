using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>Source-generated JSON for the transition an outbox keeps to remind of.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertTransition))]
public sealed partial class OutboxJsonContext : JsonSerializerContext;
