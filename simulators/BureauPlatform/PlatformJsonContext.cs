using System.Text.Json.Serialization;

namespace SmartPark.BureauPlatform;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReceivedFrame))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedFrame>))]
[JsonSerializable(typeof(IReadOnlyList<PointSummary>))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandResult))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
