namespace SmartPark.Ingest.Alerts;

/// <summary>An enterprise's renovation status from the registry (operating, shut_down, …), for
/// registry rules such as "a shut-down enterprise drawing power".</summary>
public interface IEnterpriseStatus
{
    /// <summary>The status, or null when the registry does not know the enterprise.</summary>
    string? StatusOf(string park, string enterprise);

    /// <summary>Every enterprise the registry records a discharge permit expiry for (the permit expiry rule).</summary>
    IEnumerable<PermitExpiry> PermitExpiries() => [];
}

/// <summary>The day an enterprise's discharge permit expires.</summary>
public readonly record struct PermitExpiry(string Park, string Enterprise, DateOnly Expiry);

/// <summary>Statuses from configuration (<c>Alerts:EnterpriseStatus:{park}:{enterprise}</c>), used
/// when no registry is configured.</summary>
public sealed class ConfiguredEnterpriseStatus(IConfiguration configuration) : IEnterpriseStatus
{
    public string? StatusOf(string park, string enterprise) => configuration[$"Alerts:EnterpriseStatus:{park}:{enterprise}"];
}
