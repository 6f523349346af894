using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Consumption;

[JsonSerializable(typeof(string[]))]
internal sealed partial class ConsumptionJsonContext : JsonSerializerContext;
