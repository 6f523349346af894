using System.Collections.Frozen;
using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// The parks, enterprises and devices SmartPark knows, and the service accounts. Immutable: a
/// reload builds a new one and swaps it in whole, so readers never see half a file.
/// </summary>
public sealed class ParkRegistry
{
    private readonly FrozenDictionary<string, RegisteredDevice> _devices;
    private readonly FrozenDictionary<string, ServiceAccount> _services;
    private readonly FrozenDictionary<string, RegistryPark> _parks;
    private readonly FrozenDictionary<(string Park, string Enterprise), RegistryEnterprise> _enterprises;

    public ParkRegistry(IReadOnlyList<RegistryPark> parks, IReadOnlyList<ServiceAccount> services)
    {
        Parks = parks;
        Services = services;
        // Duplicates are validation errors; the first one wins here so a lookup never throws.
        var devices = new Dictionary<string, RegisteredDevice>(StringComparer.Ordinal);
        var parksById = new Dictionary<string, RegistryPark>(StringComparer.Ordinal);
        var enterprises = new Dictionary<(string, string), RegistryEnterprise>();
        foreach (var park in parks)
        {
            parksById.TryAdd(park.Id, park);
            foreach (var enterprise in park.Enterprises)
            {
                enterprises.TryAdd((park.Id, enterprise.Id), enterprise);
                foreach (var device in enterprise.Devices)
                    devices.TryAdd(device.Id, new RegisteredDevice(new DeviceAddress(park.Id, enterprise.Id, device.Id), device));
            }
        }
        _devices = devices.ToFrozenDictionary(StringComparer.Ordinal);
        _parks = parksById.ToFrozenDictionary(StringComparer.Ordinal);
        _enterprises = enterprises.ToFrozenDictionary();
        var accounts = new Dictionary<string, ServiceAccount>(StringComparer.Ordinal);
        foreach (var service in services)
            accounts.TryAdd(service.Id, service);
        _services = accounts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<RegistryPark> Parks { get; }
    public IReadOnlyList<ServiceAccount> Services { get; }
    public IEnumerable<RegisteredDevice> Devices => _devices.Values;

    /// <summary>Every HJ 212 monitoring point with the device that measures it (at its registered place).</summary>
    public IEnumerable<RegisteredMonitoringPoint> MonitoringPoints =>
        from park in Parks
        from enterprise in park.Enterprises
        from point in enterprise.MonitoringPoints
        let device = enterprise.Devices.FirstOrDefault(d => d.Id == point.Device)
        where device is not null
        select new RegisteredMonitoringPoint(new DeviceAddress(park.Id, enterprise.Id, device.Id), point, MonitoringPointSources.Resolve(point, device));

    /// <summary>The park, or null when the registry does not list it.</summary>
    public RegistryPark? FindPark(string park) => _parks.GetValueOrDefault(park);

    /// <summary>The enterprise of a park, or null when the registry does not list it.</summary>
    public RegistryEnterprise? FindEnterprise(string park, string enterprise) => _enterprises.GetValueOrDefault((park, enterprise));

    public bool TryGetDevice(string? id, out RegisteredDevice device)
    {
        if (id is not null && _devices.TryGetValue(id, out var found))
        {
            device = found;
            return true;
        }
        device = null!;
        return false;
    }

    public bool TryGetService(string? id, out ServiceAccount service)
    {
        if (id is not null && _services.TryGetValue(id, out var found))
        {
            service = found;
            return true;
        }
        service = null!;
        return false;
    }

    /// <summary>True when the device is registered at exactly this park and enterprise.</summary>
    public bool Knows(DeviceAddress address) =>
        TryGetDevice(address.Device, out var device) && device.Address == address;

    /// <summary>The broker account behind a username (device id or service id), with its stored hash.</summary>
    public bool TryGetAccount(string? username, out Principal principal, out string credential)
    {
        if (TryGetDevice(username, out var device))
        {
            principal = new DevicePrincipal(device.Address);
            credential = device.Device.Credential;
            return true;
        }
        if (TryGetService(username, out var service))
        {
            principal = new ServicePrincipal(service.Id, service.Role);
            credential = service.Credential;
            return true;
        }
        principal = null!;
        credential = "";
        return false;
    }
}
