using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Catalogue;

/// <summary>
/// Everything the agent knows about one driver without opening it, declared in the driver's own
/// folder and listed once in <see cref="DriverCatalogue.All"/>: its configuration names, what it
/// measures, the settings it reads (checked before it opens and by <c>check-config</c>), the I2C
/// addresses its chip answers at (for <c>probe</c>), and how to open it.
/// </summary>
public sealed record DriverDescriptor
{
    /// <summary>The names a sensor's <c>Driver</c> may give; several when one driver reads sibling parts.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>The part it reads, for people: <c>Sensirion SHT30/SHT31</c>.</summary>
    public required string Part { get; init; }

    public required DriverKind Kind { get; init; }

    /// <summary>
    /// What the driver yields with these settings, known before it opens: a sensor that is down
    /// still reports each of these with flag D (see <see cref="ResilientDriver"/>).
    /// </summary>
    public required Func<SensorOptions, IReadOnlyList<string>> Quantities { get; init; }

    public SettingsSchema Settings { get; init; } = SettingsSchema.Empty;

    /// <summary>Rules across keys the schema cannot state one key at a time (port or host, not both).</summary>
    public Func<SensorOptions, IEnumerable<string>> Rules { get; init; } = _ => [];

    public IReadOnlyList<I2cAddress> I2cAddresses { get; init; } = [];

    /// <summary>
    /// Every problem with the sensor's <see cref="SensorOptions.Map"/>, each starting with
    /// <c>Map:INDEX:KEY</c>, reported with the schema's; null for a driver that reads no map,
    /// which then refuses one.
    /// </summary>
    public Func<SensorOptions, IEnumerable<string>>? Map { get; init; }

    /// <summary>Opens the driver; its settings have passed <see cref="Settings"/> and <see cref="Rules"/>.</summary>
    public required Func<SensorOptions, DriverContext, ISensorDriver> Open { get; init; }

    /// <summary>Quantities that do not depend on the settings.</summary>
    public static Func<SensorOptions, IReadOnlyList<string>> Fixed(params IReadOnlyList<string> quantities) => _ => quantities;
}
