using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts;

/// <summary>An enterprise's renovation status from the registry (operating, shut_down, …), for
/// registry rules such as "a shut-down enterprise drawing power".</summary>
public interface IEnterpriseStatus
{
    /// <summary>The status, or null when the registry does not know the enterprise.</summary>
    string? StatusOf(string park, string enterprise);

    /// <summary>Every enterprise the registry records a discharge permit expiry for (the permit expiry rule).</summary>
    IEnumerable<PermitExpiry> PermitExpiries() => [];

    /// <summary>The enterprise's electricity meters that have a role (production or treatment, 分表计电),
    /// for the treatment-equipment rules; empty when the registry gives it none.</summary>
    IReadOnlyList<RoleMeter> RoleMetersOf(string park, string enterprise) => [];

    /// <summary>The rating of the circuit a sensor watches (<see cref="CircuitRatings"/>: its registry <c>ratedCurrent</c> or
    /// <c>nominalVoltage</c>), for the overload and voltage rules; null when the registry gives the sensor none.</summary>
    double? RatingOf(DeviceAddress device, string sensor, string rating) => null;
}

/// <summary>A meter's registry role (<c>SensorRoles</c>) at an enterprise, and a treatment meter's idle load in kW (null: the rule's default).</summary>
public sealed record RoleMeter(string Device, string Sensor, string Role, double? IdleLoad)
{
    /// <summary><c>device/sensor</c>: how rules remember the meter and evidence names it.</summary>
    public string Key { get; } = Device + "/" + Sensor;
}

/// <summary>The day an enterprise's discharge permit expires.</summary>
public readonly record struct PermitExpiry(string Park, string Enterprise, DateOnly Expiry);

/// <summary>Statuses from configuration (<c>Alerts:EnterpriseStatus:{park}:{enterprise}</c>), used
/// when no registry is configured.</summary>
public sealed class ConfiguredEnterpriseStatus(IConfiguration configuration) : IEnterpriseStatus
{
    public string? StatusOf(string park, string enterprise) => configuration[$"Alerts:EnterpriseStatus:{park}:{enterprise}"];
}
