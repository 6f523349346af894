using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// Smoke and flame detector contacts. A healthy park's detectors stay quiet; the settings
/// <c>smoke</c>/<c>flame</c> (true/false) hold one in alarm for tests and scenarios.
/// </summary>
public sealed class SimulatedFireDetector(SensorOptions options) : ISensorDriver
{
    private readonly bool _smoke = options.GetBool("smoke", false);
    private readonly bool _flame = options.GetBool("flame", false);

    public string SensorId { get; } = options.Id;

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Smoke.Name, QuantityCatalogue.Flame.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
    [
        new(QuantityCatalogue.Smoke.Name, _smoke ? 1 : 0),
        new(QuantityCatalogue.Flame.Name, _flame ? 1 : 0),
    ];
}
