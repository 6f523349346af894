using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Rollups;

[JsonSerializable(typeof(List<StoredWindow>))]
internal sealed partial class RollupJsonContext : JsonSerializerContext;
