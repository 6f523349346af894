using SmartPark.Contracts.Registry;
using SmartPark.Ingest.Notifications;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Alerts;

/// <summary>
/// What alerts and bureau notifications need to know of an enterprise, from the registry in force
/// (reloaded when its file changes): its renovation status for registry rules, and its name and
/// industry for the bureau. Without a registry, statuses come from configuration
/// (<c>Alerts:EnterpriseStatus:{park}:{enterprise}</c>) and details are unknown.
/// </summary>
public sealed class RegistryEnterprises(RegistryProvider registry, IConfiguration configuration) : IEnterpriseStatus, IEnterpriseDirectory
{
    private readonly ConfiguredEnterpriseStatus _configured = new(configuration);

    public string? StatusOf(string park, string enterprise) =>
        registry.Current is null ? _configured.StatusOf(park, enterprise) : Lookup(park, enterprise)?.Status;

    public IEnumerable<PermitExpiry> PermitExpiries() =>
        from park in registry.Current?.Parks ?? []
        from enterprise in park.Enterprises
        where enterprise.DischargePermit?.Expiry is not null
        select new PermitExpiry(park.Id, enterprise.Id, enterprise.DischargePermit!.Expiry!.Value);

    public EnterpriseDetails? Find(string park, string enterprise) =>
        Lookup(park, enterprise) is { } e ? new EnterpriseDetails(e.Name, e.Industry, e.Status) : null;

    private RegistryEnterprise? Lookup(string park, string enterprise) =>
        registry.Current?.FindEnterprise(park, enterprise);
}
