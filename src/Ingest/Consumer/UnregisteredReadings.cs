using System.Text.Json;
using MQTTnet;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Consumer;

/// <summary>
/// Ingest's registry-aware step after <see cref="TelemetryValidator"/>: readings from a sensor,
/// or of a quantity, the registry does not list for the device are dead-lettered (as a batch of
/// just those readings, with one reason each) and the registered readings of the same batch are
/// stored, so one unlisted sensor does not cost a device its other data. A batch with nothing
/// registered is refused whole, like any invalid batch. Without a registry (anonymous dev mode)
/// everything passes.
/// </summary>
public sealed class UnregisteredReadings(RegistryProvider registry, IngestMetrics metrics, TimeProvider time, ILogger<UnregisteredReadings> logger)
{
    // A device that sends an unlisted sensor sends it every round: one warning a minute per topic.
    private readonly LogThrottle _log = new(time, TimeSpan.FromMinutes(1));

    /// <summary>
    /// The result to go on with: <paramref name="result"/> itself when there is nothing to take
    /// out; the registered readings when some are not (the others dead-lettered through
    /// <paramref name="publishDeadLetter"/>); an invalid result when none is registered.
    /// </summary>
    public async Task<TelemetryValidationResult> KeepRegisteredAsync(
        string topic, DeviceAddress device, TelemetryValidationResult result, DateTimeOffset now, Func<MqttApplicationMessage, Task> publishDeadLetter)
    {
        if (!result.IsValid || registry.Current is not { } current || !current.TryGetDevice(device.Device, out var registered))
            return result;
        var split = RegisteredReadings.Split(registered.Device, result.Batch);
        if (split.Unregistered is null)
            return result;
        if (split.Registered.Readings!.Count == 0)
            return new TelemetryValidationResult(null, split.Errors);

        foreach (var error in split.Errors)
            metrics.ReadingsRejected.Add(1, new KeyValuePair<string, object?>("reason", error.Code));
        if (_log.ShouldLog(topic, out var heldBack))
        {
            logger.LogWarning("Dead-lettered {Count} of {Total} readings on {Topic}, stored the rest: {Reasons} ({HeldBack} more like it since the last such warning went unlogged)",
                split.Unregistered.Readings!.Count, result.Batch.Readings!.Count, topic, string.Join("; ", split.Errors), heldBack);
        }
        try
        {
            var refused = JsonSerializer.SerializeToUtf8Bytes(split.Unregistered, ContractsJsonContext.Default.TelemetryBatch);
            await publishDeadLetter(DeadLetters.Build(topic, refused, split.Errors, now));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Dead letter of the unregistered readings on {Topic} not published: {Error}", topic, ex.Message);
        }
        return new TelemetryValidationResult(split.Registered, []);
    }
}
