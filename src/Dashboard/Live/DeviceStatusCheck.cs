using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Whether a retained <c>status</c> document is one the contract knows (ARCHITECTURE.md:
/// <c>{"state":"online"|"offline", …}</c>, <see cref="DeviceStatus"/>). A device holds its own
/// password, so anything it publishes is untrusted: only the two states, ids that are ids, known
/// quantities and flags, and texts of bounded length without control characters (line breaks and tabs aside: an error
/// message may have them) are accepted.
/// What the Dashboard stores is then safe to show and small, whatever a device sends.
/// </summary>
public static class DeviceStatusCheck
{
    public const int MaxPayloadBytes = 16 * 1024;
    public const int MaxTextLength = 200;
    public const int MaxErrorLength = 500;
    public const int MaxSensors = 64;
    public const int MaxQuantitiesPerSensor = 16;

    /// <summary>Null when the document is acceptable for <paramref name="device"/>; otherwise the first reason it is not.</summary>
    public static string? Problem(DeviceStatus? status, DeviceAddress device)
    {
        if (status is null)
            return "empty document";
        if (status.State is not (DeviceStatus.Online or DeviceStatus.Offline))
            return "unknown state";
        if (status.Device is not null && status.Device != device.Device)
            return "device differs from the topic";
        if (!IsText(status.Reason, MaxTextLength) || !IsText(status.AgentVersion, MaxTextLength))
            return "reason or agent version too long or not plain text";
        if (status.ReadingsDropped is < 0)
            return "negative readings dropped";
        if (status.Sensors is { } sensors)
        {
            if (sensors.Count > MaxSensors)
                return "too many sensors";
            foreach (var sensor in sensors)
            {
                if (sensor is null || !Ids.IsValid(sensor.Sensor))
                    return "a sensor id is not an id";
                if (sensor.Quantities is null || sensor.Quantities.Count > MaxQuantitiesPerSensor || !sensor.Quantities.All(q => QuantityCatalogue.TryGet(q, out _)))
                    return "a sensor lists unknown quantities";
                if (sensor.IntervalMs <= 0)
                    return "a sensor interval is not positive";
                if (sensor.Flag is not null && !DataFlag.IsValid(sensor.Flag))
                    return "a sensor flag is not an HJ 212 flag";
                if (!IsText(sensor.Error, MaxErrorLength))
                    return "a sensor error too long or not plain text";
            }
        }
        return null;
    }

    private static bool IsText(string? text, int maxLength) =>
        text is null || (text.Length <= maxLength && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
}
