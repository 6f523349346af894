using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Validation;

namespace SmartPark.Contracts;

/// <summary>
/// Source-generated System.Text.Json metadata for every wire type: no reflection, trimming-safe,
/// and one place that fixes the JSON shape (camelCase, nulls omitted).
/// "NaN"/"Infinity" strings are read as numbers so validation can name them instead of
/// failing the parse.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(TelemetryBatch))]
[JsonSerializable(typeof(Reading[]))]
[JsonSerializable(typeof(DeviceStatus))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(AlertDocument))]
[JsonSerializable(typeof(AlertTransition))]
[JsonSerializable(typeof(AlertAck))]
[JsonSerializable(typeof(ParkRules))]
public sealed partial class ContractsJsonContext : JsonSerializerContext
{
}
