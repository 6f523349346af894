namespace SmartPark.Contracts.Validation;

/// <summary>Stable codes of <see cref="ValidationError"/>; dashboards and counters key on them.</summary>
public static class RejectionCodes
{
    public const string PayloadTooLarge = "payload_too_large";
    public const string MalformedJson = "malformed_json";
    public const string UnsupportedSchema = "unsupported_schema";
    public const string MissingField = "missing_field";
    public const string InvalidId = "invalid_id";
    public const string DeviceMismatch = "device_mismatch";
    public const string InvalidSeq = "invalid_seq";
    public const string NoReadings = "no_readings";
    public const string TooManyReadings = "too_many_readings";
    public const string UnknownQuantity = "unknown_quantity";

    /// <summary>A reading of a quantity Ingest derives (a converted concentration, an emission rate): a device may not supply it.</summary>
    public const string DerivedQuantity = "derived_quantity";
    public const string WrongUnit = "wrong_unit";
    public const string NotFinite = "not_finite";
    public const string OutOfRange = "out_of_range";
    public const string NotBoolean = "not_boolean";
    public const string InvalidFlag = "invalid_flag";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string TimestampTooOld = "timestamp_too_old";
    public const string InvalidTopic = "invalid_topic";
    public const string UnknownDevice = "unknown_device";

    /// <summary>A status body that breaks the status contract (unknown state or field, too long a text).</summary>
    public const string InvalidStatus = "invalid_status";

    /// <summary>A reading from a sensor the registry does not list for the device.</summary>
    public const string UnregisteredSensor = "unregistered_sensor";

    /// <summary>A reading of a quantity the registry does not list for that sensor of the device.</summary>
    public const string UnregisteredQuantity = "unregistered_quantity";

    /// <summary>The broker refused a device's publish: a topic other than the device's own telemetry or status, or a retained publish where retaining is not allowed.</summary>
    public const string NotAuthorized = "not_authorized";
}
