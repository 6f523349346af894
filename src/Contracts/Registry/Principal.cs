using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>Who a broker client is once authenticated: a device or a service account.</summary>
public abstract record Principal(string Username);

/// <summary>A device, at its registered place.</summary>
public sealed record DevicePrincipal(DeviceAddress Address) : Principal(Address.Device);

/// <summary>A SmartPark service with a <see cref="ServiceRoles">role</see>.</summary>
public sealed record ServicePrincipal(string Id, string Role) : Principal(Id);
