using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.RegistryFile;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// A meter swap as the page sends it: which of the device's sensors and counting quantities, when
/// (not in the future: a swap is recorded after it happened) and the two registers' readings.
/// </summary>
public sealed record MeterReplacementForm(
    string? SensorId,
    string? Quantity,
    DateTimeOffset? ReplacedAt,
    double? OldFinalReading,
    double? NewInitialReading,
    string? Note)
{
    /// <summary>Clocks of a phone and the server disagree by a little; a swap "now" is not refused for it.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public FieldErrors Validate(Device device, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var sensors = RowJson.ReadSensors(device.SensorsJson);
        var sensor = sensors.FirstOrDefault(s => s.Id == SensorId);
        if (string.IsNullOrWhiteSpace(SensorId))
            errors.Add("sensorId", "required", "sensorId is required");
        else if (sensor is null)
            errors.Add("sensorId", "unknown_sensor", $"device '{device.Id}' has no sensor '{SensorId}'");
        if (string.IsNullOrWhiteSpace(Quantity))
            errors.Add("quantity", "required", "quantity is required");
        else if (!QuantityCatalogue.TryGet(Quantity, out var quantity) || !quantity.IsCounter)
            errors.Add("quantity", "not_counter", $"'{Quantity}' is not a counting quantity (a meter's register)");
        else if (sensor is not null && !sensor.Quantities.Contains(Quantity))
            errors.Add("quantity", "not_reported", $"sensor '{SensorId}' does not report '{Quantity}'");
        if (ReplacedAt is not { } at)
            errors.Add("replacedAt", "required", "replacedAt is required");
        else if (at > clock.GetUtcNow() + ClockSkew)
            errors.Add("replacedAt", "future", "a replacement is recorded after it happened, not in the future");
        else if (at.Year < 2000)
            errors.Add("replacedAt", "range", "replacedAt is not before 2000");
        Reading(errors, "oldFinalReading", OldFinalReading);
        Reading(errors, "newInitialReading", NewInitialReading);
        errors.Length("note", Note, 500);
        return errors;
    }

    private static void Reading(FieldErrors errors, string field, double? value)
    {
        if (value is not { } v)
            errors.Add(field, "required", $"{field} is required");
        else if (v < 0)
            errors.Add(field, "negative", $"{field} cannot be negative (a register counts up from zero)");
        else
            errors.Range(field, v, 0, 1e15);
    }

    public MeterReplacement ToRow(Device device) => new()
    {
        ParkId = device.ParkId,
        DeviceId = device.Id,
        SensorId = SensorId!,
        Quantity = Quantity!,
        ReplacedAt = ReplacedAt!.Value.UtcDateTime,
        OldFinalReading = OldFinalReading!.Value,
        NewInitialReading = NewInitialReading!.Value,
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
    };
}

/// <summary>A recorded meter swap as the page lists it.</summary>
public sealed record MeterReplacementView(long Id, string DeviceId, string SensorId, string Quantity, DateTime ReplacedAt,
    double OldFinalReading, double NewInitialReading, string? Note, long Version)
{
    public static MeterReplacementView Of(MeterReplacement row) => new(row.Id, row.DeviceId, row.SensorId, row.Quantity,
        DateTime.SpecifyKind(row.ReplacedAt, DateTimeKind.Utc), row.OldFinalReading, row.NewInitialReading, row.Note, row.Version);
}
