using System.Text.Json;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Validation;

/// <summary>
/// Checks a telemetry payload against the contract and returns every reason it fails, so a
/// dead letter tells an integrator all that is wrong at once. Never throws on input.
/// </summary>
public static class TelemetryValidator
{
    public static TelemetryValidationResult Validate(
        ReadOnlySpan<byte> payload,
        DeviceAddress topicDevice,
        DateTimeOffset now,
        TelemetryValidationOptions? options = null)
    {
        options ??= TelemetryValidationOptions.Default;
        if (payload.Length > TelemetryBatch.MaxPayloadBytes)
        {
            return Fail(new ValidationError(RejectionCodes.PayloadTooLarge,
                $"payload is {payload.Length} bytes; the limit is {TelemetryBatch.MaxPayloadBytes}"));
        }

        TelemetryBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.TelemetryBatch);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            return Fail(new ValidationError(RejectionCodes.MalformedJson,
                $"not a telemetry batch{where} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {FirstSentence(ex.Message)}"));
        }

        if (batch is null)
            return Fail(new ValidationError(RejectionCodes.MalformedJson, "payload is JSON null"));

        var errors = new List<ValidationError>();
        CheckHeader(batch, topicDevice, errors);
        CheckReadings(batch, now, options, errors);
        return new TelemetryValidationResult(errors.Count == 0 ? batch : null, errors);
    }

    private static void CheckHeader(TelemetryBatch batch, DeviceAddress topicDevice, List<ValidationError> errors)
    {
        if (batch.Schema is null)
            errors.Add(Missing("schema"));
        else if (batch.Schema != TelemetryBatch.CurrentSchema)
            errors.Add(new(RejectionCodes.UnsupportedSchema, $"schema {batch.Schema} is not supported (expected {TelemetryBatch.CurrentSchema})"));

        if (batch.Device is null)
            errors.Add(Missing("device"));
        else if (!string.Equals(batch.Device, topicDevice.Device, StringComparison.Ordinal))
            errors.Add(new(RejectionCodes.DeviceMismatch, $"device '{batch.Device}' does not match the topic's device '{topicDevice.Device}'"));

        if (batch.Seq is null)
            errors.Add(Missing("seq"));
        else if (batch.Seq < 0)
            errors.Add(new(RejectionCodes.InvalidSeq, $"seq {batch.Seq} is negative"));

        if (batch.SentAt is null)
            errors.Add(Missing("sentAt"));
    }

    private static void CheckReadings(TelemetryBatch batch, DateTimeOffset now, TelemetryValidationOptions options, List<ValidationError> errors)
    {
        if (batch.Readings is null)
        {
            errors.Add(Missing("readings"));
            return;
        }
        if (batch.Readings.Count == 0)
        {
            errors.Add(new(RejectionCodes.NoReadings, "readings is empty"));
            return;
        }
        if (batch.Readings.Count > options.MaxReadings)
        {
            errors.Add(new(RejectionCodes.TooManyReadings, $"{batch.Readings.Count} readings; the limit is {options.MaxReadings}"));
            return;
        }

        for (var i = 0; i < batch.Readings.Count; i++)
            CheckReading(batch.Readings[i], i, now, options, errors);
    }

    private static void CheckReading(Reading? reading, int index, DateTimeOffset now, TelemetryValidationOptions options, List<ValidationError> errors)
    {
        // The path ("readings[3]") is only needed for an error message: built then, not per reading.
        if (reading is not null && IsValidReading(reading, now, options))
            return;
        var at = $"readings[{index}]";
        if (reading is null)
        {
            errors.Add(new(RejectionCodes.MissingField, $"{at} is null"));
            return;
        }

        if (reading.Sensor is null)
            errors.Add(Missing($"{at}.sensor"));
        else if (!Ids.IsValid(reading.Sensor))
            errors.Add(new(RejectionCodes.InvalidId, $"{at}.sensor '{reading.Sensor}' is not a valid id ({Ids.Pattern})"));

        Quantity? quantity = null;
        if (reading.Quantity is null)
            errors.Add(Missing($"{at}.quantity"));
        else if (!QuantityCatalogue.TryGet(reading.Quantity, out var q))
            errors.Add(new(RejectionCodes.UnknownQuantity, $"{at}.quantity '{reading.Quantity}' is not in the catalogue"));
        else if (q.IsDerived)
            errors.Add(new(RejectionCodes.DerivedQuantity, $"{at}.quantity '{reading.Quantity}' is derived by Ingest from '{q.DerivedFrom}'; a device sends what it measures"));
        else
            quantity = q;

        if (reading.Unit is null)
            errors.Add(Missing($"{at}.unit"));
        else if (quantity is not null && !string.Equals(reading.Unit, quantity.Unit, StringComparison.Ordinal))
            errors.Add(new(RejectionCodes.WrongUnit, $"{at}.unit '{reading.Unit}' is not {quantity.Name}'s canonical unit '{quantity.Unit}'"));

        CheckValue(reading.Value, quantity, at, errors);

        if (reading.Flag is null)
            errors.Add(Missing($"{at}.flag"));
        else if (!DataFlag.IsValid(reading.Flag))
            errors.Add(new(RejectionCodes.InvalidFlag, $"{at}.flag '{reading.Flag}' is not an HJ 212 data flag ({string.Join(", ", DataFlag.All)})"));

        if (reading.Ts is not { } ts)
            errors.Add(Missing($"{at}.ts"));
        else if (ts > now + options.MaxClockSkew)
            errors.Add(new(RejectionCodes.TimestampInFuture, $"{at}.ts {ts:O} is more than {options.MaxClockSkew} ahead of {now:O}"));
        else if (ts < now - options.MaxAge)
            errors.Add(new(RejectionCodes.TimestampTooOld, $"{at}.ts {ts:O} is more than {options.MaxAge.TotalDays:0} days old"));
    }

    /// <summary>The fast path: true when <see cref="CheckReading"/> would find nothing wrong.</summary>
    private static bool IsValidReading(Reading reading, DateTimeOffset now, TelemetryValidationOptions options) =>
        Ids.IsValid(reading.Sensor)
        && QuantityCatalogue.TryGet(reading.Quantity, out var quantity) && !quantity.IsDerived
        && string.Equals(reading.Unit, quantity.Unit, StringComparison.Ordinal)
        && reading.Value is { } v && IsValidValue(v, quantity)
        && DataFlag.IsValid(reading.Flag)
        && reading.Ts is { } ts && ts <= now + options.MaxClockSkew && ts >= now - options.MaxAge;

    /// <summary>What <see cref="CheckValue"/> accepts.</summary>
    private static bool IsValidValue(double v, Quantity quantity) =>
        double.IsFinite(v) && !(quantity.IsBoolean && v is not (0 or 1)) && v >= quantity.Minimum && v <= quantity.Maximum;

    private static void CheckValue(double? value, Quantity? quantity, string at, List<ValidationError> errors)
    {
        if (value is not { } v)
        {
            errors.Add(Missing($"{at}.value"));
            return;
        }
        if (!double.IsFinite(v))
        {
            errors.Add(new(RejectionCodes.NotFinite, $"{at}.value is {v}, not a finite number"));
            return;
        }
        if (quantity is null)
            return;
        if (quantity.IsBoolean && v is not (0 or 1))
            errors.Add(new(RejectionCodes.NotBoolean, $"{at}.value {v} for {quantity.Name} must be 0 or 1"));
        else if (v < quantity.Minimum || v > quantity.Maximum)
            errors.Add(new(RejectionCodes.OutOfRange, $"{at}.value {v} {quantity.Unit} is outside {quantity.Name}'s physical range [{quantity.Minimum}, {quantity.Maximum}]"));
    }

    private static ValidationError Missing(string field) => new(RejectionCodes.MissingField, $"{field} is missing");

    private static TelemetryValidationResult Fail(ValidationError error) => new(null, [error]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }
}
