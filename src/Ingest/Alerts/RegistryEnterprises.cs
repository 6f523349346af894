using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
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
    // Role meters per enterprise, worked out once per registry version: the treatment rules ask on every power reading.
    private RoleMeterIndex? _roleMeters;
    // Ratings per sensor, worked out once per registry version: the voltage and current rules ask on every reading.
    private CircuitRatingIndex? _ratings;

    public string? StatusOf(string park, string enterprise) =>
        registry.Current is null ? _configured.StatusOf(park, enterprise) : Lookup(park, enterprise)?.Status;

    public IEnumerable<PermitExpiry> PermitExpiries() =>
        from park in registry.Current?.Parks ?? []
        from enterprise in park.Enterprises
        where enterprise.DischargePermit?.Expiry is not null
        select new PermitExpiry(park.Id, enterprise.Id, enterprise.DischargePermit!.Expiry!.Value);

    public IReadOnlyList<RoleMeter> RoleMetersOf(string park, string enterprise)
    {
        if (registry.Current is not { } current)
            return [];
        var index = _roleMeters;
        if (index is null || !ReferenceEquals(index.Source, current))
            _roleMeters = index = new RoleMeterIndex(current);
        return index.Of(park, enterprise);
    }

    public double? RatingOf(DeviceAddress device, string sensor, string rating)
    {
        if (registry.Current is not { } current)
            return null;
        var index = _ratings;
        if (index is null || !ReferenceEquals(index.Source, current))
            _ratings = index = new CircuitRatingIndex(current);
        return index.Of(device, sensor, rating);
    }

    public EnterpriseDetails? Find(string park, string enterprise) =>
        Lookup(park, enterprise) is { } e ? new EnterpriseDetails(e.Name, e.Industry, e.Status) : null;

    private RegistryEnterprise? Lookup(string park, string enterprise) =>
        registry.Current?.FindEnterprise(park, enterprise);
}

/// <summary>The role meters of every enterprise of one registry version.</summary>
internal sealed class RoleMeterIndex
{
    private readonly Dictionary<(string Park, string Enterprise), RoleMeter[]> _meters = [];

    public RoleMeterIndex(ParkRegistry source)
    {
        Source = source;
        foreach (var park in source.Parks)
        {
            foreach (var enterprise in park.Enterprises)
            {
                RoleMeter[] meters = [.. from device in enterprise.Devices
                                         from sensor in device.Sensors
                                         where sensor.Role is not null
                                         select new RoleMeter(device.Id, sensor.Id, sensor.Role!, sensor.IdleLoad)];
                if (meters.Length > 0)
                    _meters.TryAdd((park.Id, enterprise.Id), meters);
            }
        }
    }

    public ParkRegistry Source { get; }

    public IReadOnlyList<RoleMeter> Of(string park, string enterprise) => _meters.GetValueOrDefault((park, enterprise)) ?? [];
}
