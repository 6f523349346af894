using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>A device together with where it is registered.</summary>
public sealed record RegisteredDevice(DeviceAddress Address, RegistryDevice Device);
