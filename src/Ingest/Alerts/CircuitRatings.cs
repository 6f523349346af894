using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts;

/// <summary>The ratings a sensor's registry entry may give the circuit it watches (<see cref="RegistrySensor"/>),
/// by the names the rated rules use in <c>Rating</c>: the same words as the registry's keys.</summary>
public static class CircuitRatings
{
    /// <summary>The circuit's rated current in A (<see cref="RegistrySensor.RatedCurrent"/>).</summary>
    public const string RatedCurrent = "ratedCurrent";

    /// <summary>The nominal voltage in V (<see cref="RegistrySensor.NominalVoltage"/>).</summary>
    public const string NominalVoltage = "nominalVoltage";

    public static IReadOnlyList<string> All { get; } = [RatedCurrent, NominalVoltage];

    public static double? Of(RegistrySensor sensor, string rating) => rating switch
    {
        RatedCurrent => sensor.RatedCurrent,
        NominalVoltage => sensor.NominalVoltage,
        _ => null,
    };
}

/// <summary>The rated sensors of one registry version, by device and sensor.</summary>
internal sealed class CircuitRatingIndex
{
    private readonly Dictionary<(DeviceAddress Device, string Sensor), RegistrySensor> _rated = [];

    public CircuitRatingIndex(ParkRegistry source)
    {
        Source = source;
        foreach (var park in source.Parks)
        {
            foreach (var enterprise in park.Enterprises)
            {
                foreach (var device in enterprise.Devices)
                {
                    foreach (var sensor in device.Sensors.Where(s => s.RatedCurrent is not null || s.NominalVoltage is not null))
                        _rated.TryAdd((new DeviceAddress(park.Id, enterprise.Id, device.Id), sensor.Id), sensor);
                }
            }
        }
    }

    public ParkRegistry Source { get; }

    public double? Of(DeviceAddress device, string sensor, string rating) =>
        _rated.TryGetValue((device, sensor), out var found) ? CircuitRatings.Of(found, rating) : null;
}
