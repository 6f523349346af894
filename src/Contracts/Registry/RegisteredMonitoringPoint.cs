using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>A monitoring point with the address of its device and where each pollutant comes from.</summary>
public sealed record RegisteredMonitoringPoint(DeviceAddress Device, RegistryMonitoringPoint Point, IReadOnlyList<PollutantSource> Sources);
