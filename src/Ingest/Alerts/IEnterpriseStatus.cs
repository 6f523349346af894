namespace SmartPark.Ingest.Alerts;

/// <summary>An enterprise's renovation status from the registry (operating, shut_down, …), for
/// registry rules such as "a shut-down enterprise drawing power".</summary>
public interface IEnterpriseStatus
{
    /// <summary>The status, or null when the registry does not know the enterprise.</summary>
    string? StatusOf(string park, string enterprise);
}

/// <summary>Statuses from configuration (<c>Alerts:EnterpriseStatus:{park}:{enterprise}</c>), used
/// when no registry is configured.</summary>
public sealed class ConfiguredEnterpriseStatus(IConfiguration configuration) : IEnterpriseStatus
{
    public string? StatusOf(string park, string enterprise) => configuration[$"Alerts:EnterpriseStatus:{park}:{enterprise}"];
}
