using System.Text.Json.Serialization;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Influx;

namespace SmartPark.Platform;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(InfluxQueryResponse))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext
{
}
