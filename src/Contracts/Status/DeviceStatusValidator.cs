using System.Text.Json;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;

namespace SmartPark.Contracts.Status;

/// <summary>
/// Checks a status body before the broker retains it for every later subscriber: the JSON of
/// <see cref="DeviceStatus"/> and nothing else, a known <c>state</c>, the topic's own device, and
/// bounded plain texts, so a device's owner cannot park markup, control characters or megabytes in
/// the Dashboard's view. The one check of a status: the embedded broker applies it before retaining,
/// and the Dashboard again before storing (an external broker checks no bodies).
/// Returns every problem; never throws on input.
/// </summary>
public static class DeviceStatusValidator
{
    public const int MaxPayloadBytes = 16 * 1024;
    public const int MaxReasonLength = 256;
    public const int MaxAgentVersionLength = 64;
    public const int MaxErrorLength = 512;
    public const int MaxSensors = 256;
    public const int MaxQuantitiesPerSensor = 32;

    public static IReadOnlyList<string> States { get; } = [DeviceStatus.Online, DeviceStatus.Offline];

    private static readonly HashSet<string> StatusFields = ["state", "device", "at", "reason", "agentVersion", "sensors", "readingsDropped"];
    private static readonly HashSet<string> SensorFields = ["sensor", "quantities", "intervalMs", "flag", "error"];

    public static IReadOnlyList<ValidationError> Validate(ReadOnlySpan<byte> payload, DeviceAddress topicDevice)
    {
        if (payload.Length > MaxPayloadBytes)
            return [new(RejectionCodes.PayloadTooLarge, $"status is {payload.Length} bytes; the limit is {MaxPayloadBytes}")];
        var errors = new List<ValidationError>();
        DeviceStatus? status;
        try
        {
            // Unknown fields first (the typed read would skip them silently), then the typed read.
            using (var document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 4 }))
                CheckFieldNames(document.RootElement, errors);
            status = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.DeviceStatus);
        }
        catch (JsonException ex)
        {
            return [new(RejectionCodes.MalformedJson, $"not a device status: {ex.Message}")];
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument's own shape errors (an array where an object belongs) surface here.
            return [new(RejectionCodes.MalformedJson, $"not a device status: {ex.Message}")];
        }
        if (status is null)
            return [new(RejectionCodes.MalformedJson, "status is JSON null")];

        if (status.State is null || !States.Contains(status.State))
            errors.Add(new(RejectionCodes.InvalidStatus, $"state '{Shorten(status.State)}' is not one of {string.Join(", ", States)}"));
        if (!string.Equals(status.Device, topicDevice.Device, StringComparison.Ordinal))
            errors.Add(new(RejectionCodes.DeviceMismatch, $"device '{Shorten(status.Device)}' does not match the topic's device '{topicDevice.Device}'"));
        Bounded("reason", status.Reason, MaxReasonLength, errors);
        Bounded("agentVersion", status.AgentVersion, MaxAgentVersionLength, errors);
        if (status.ReadingsDropped < 0)
            errors.Add(new(RejectionCodes.InvalidStatus, $"readingsDropped {status.ReadingsDropped} is negative"));
        CheckSensors(status.Sensors, errors);
        return errors;
    }

    private static void CheckSensors(IReadOnlyList<SensorDescription>? sensors, List<ValidationError> errors)
    {
        if (sensors is null)
            return;
        if (sensors.Count > MaxSensors)
        {
            errors.Add(new(RejectionCodes.InvalidStatus, $"{sensors.Count} sensors; the limit is {MaxSensors}"));
            return;
        }
        for (var i = 0; i < sensors.Count; i++)
        {
            var at = $"sensors[{i}]";
            if (sensors[i] is not { } sensor)
            {
                errors.Add(new(RejectionCodes.MissingField, $"{at} is null"));
                continue;
            }
            if (!Ids.IsValid(sensor.Sensor))
                errors.Add(new(RejectionCodes.InvalidId, $"{at}.sensor '{Shorten(sensor.Sensor)}' is not a valid id ({Ids.Pattern})"));
            if (sensor.Quantities is null)
                errors.Add(new(RejectionCodes.MissingField, $"{at}.quantities is missing"));
            else if (sensor.Quantities.Count > MaxQuantitiesPerSensor)
                errors.Add(new(RejectionCodes.InvalidStatus, $"{at} lists {sensor.Quantities.Count} quantities; the limit is {MaxQuantitiesPerSensor}"));
            else
            {
                foreach (var q in sensor.Quantities.Where(q => !QuantityCatalogue.TryGet(q, out _)))
                    errors.Add(new(RejectionCodes.UnknownQuantity, $"{at}.quantities: '{Shorten(q)}' is not in the catalogue"));
            }
            if (sensor.IntervalMs < 0)
                errors.Add(new(RejectionCodes.InvalidStatus, $"{at}.intervalMs {sensor.IntervalMs} is negative"));
            if (sensor.Flag is not null && !DataFlag.IsValid(sensor.Flag))
                errors.Add(new(RejectionCodes.InvalidFlag, $"{at}.flag '{Shorten(sensor.Flag)}' is not an HJ 212 data flag"));
            Bounded(at + ".error", sensor.Error, MaxErrorLength, errors);
        }
    }

    private static void CheckFieldNames(JsonElement root, List<ValidationError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return; // the typed read names it
        foreach (var field in root.EnumerateObject().Where(f => !StatusFields.Contains(f.Name)))
            errors.Add(new(RejectionCodes.InvalidStatus, $"field '{Shorten(field.Name)}' is not part of the status contract"));
        if (!root.TryGetProperty("sensors", out var sensors) || sensors.ValueKind != JsonValueKind.Array)
            return;
        var i = 0;
        foreach (var sensor in sensors.EnumerateArray())
        {
            if (sensor.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in sensor.EnumerateObject().Where(f => !SensorFields.Contains(f.Name)))
                    errors.Add(new(RejectionCodes.InvalidStatus, $"sensors[{i}]: field '{Shorten(field.Name)}' is not part of the status contract"));
            }
            i++;
        }
    }

    private static void Bounded(string field, string? value, int max, List<ValidationError> errors)
    {
        if (value is null)
            return;
        if (value.Length > max)
            errors.Add(new(RejectionCodes.InvalidStatus, $"{field} is {value.Length} characters; the limit is {max}"));
        // Line breaks and tabs aside (an error message may have them), control characters have no
        // place in a text shown to people, and can hide what follows them in a log.
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors.Add(new(RejectionCodes.InvalidStatus, $"{field} has control characters"));
    }

    /// <summary>What a device sent, cut short for an error message (a dead letter carries it whole).</summary>
    private static string? Shorten(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value;
}
