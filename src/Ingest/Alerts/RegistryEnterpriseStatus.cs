using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Alerts;

/// <summary>Enterprise statuses from the registry in force (reloaded when its file changes);
/// without a registry, from configuration (<c>Alerts:EnterpriseStatus:{park}:{enterprise}</c>).</summary>
public sealed class RegistryEnterpriseStatus(RegistryProvider registry, IConfiguration configuration) : IEnterpriseStatus
{
    private readonly ConfiguredEnterpriseStatus _configured = new(configuration);

    public string? StatusOf(string park, string enterprise)
    {
        if (registry.Current is not { } current)
            return _configured.StatusOf(park, enterprise);
        return current.Parks.FirstOrDefault(p => p.Id == park)?.Enterprises.FirstOrDefault(e => e.Id == enterprise)?.Status;
    }
}
