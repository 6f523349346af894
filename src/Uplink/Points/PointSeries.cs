using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;

namespace SmartPark.Uplink.Points;

/// <summary>What a rollup series gives a pollutant's period: its own values, its values at reference
/// oxygen (<c>-Zs…</c>), or its emission rate, whose integral is its <c>-Cou</c>.</summary>
public enum SeriesRole
{
    Value,
    Converted,
    Rate,
}

/// <summary>
/// One rollup series a point's periods are read from: <see cref="Quantity"/> (<c>nox</c>,
/// <c>nox_converted</c>, <c>nox_rate</c>) of <see cref="Sensor"/>, for pollutant <see cref="Code"/>.
/// <see cref="Key"/> names it in a period's statistics and basis: the code alone for the
/// pollutant's own values (so a VOC point's basis is what it always was), the code with
/// <c>/Zs</c> or <c>/Cou</c> for the derived ones.
/// </summary>
public sealed record RollupSeries(string Code, string Quantity, string Sensor, SeriesRole Role)
{
    public string Key => Role switch
    {
        SeriesRole.Converted => Code + "/Zs",
        SeriesRole.Rate => Code + "/Cou",
        _ => Code,
    };

    /// <summary>
    /// The series of a point's pollutants: each pollutant's own values; its converted values when
    /// the catalogue has a converted quantity and its sensor a reference oxygen (Ingest derives none
    /// otherwise); its rate when the catalogue has one and the device measures the flow of its medium
    /// (EmissionDerivation takes the flow from any sensor of the device). A pollutant without a flow
    /// simply has no <c>-Cou</c>.
    /// </summary>
    public static IReadOnlyList<RollupSeries> For(IReadOnlyList<PollutantSource> sources, RegistryDevice? device)
    {
        var series = new List<RollupSeries>();
        foreach (var source in sources)
        {
            series.Add(new(source.Code, source.Quantity, source.Sensor, SeriesRole.Value));
            if (!QuantityCatalogue.TryGet(source.Quantity, out var quantity))
                continue;
            var sensor = device?.Sensors.FirstOrDefault(s => s.Id == source.Sensor);
            if (QuantityCatalogue.DerivedOf(quantity, Derivation.Converted) is { } converted && sensor?.Emission?.ReferenceOxygen is not null)
                series.Add(new(source.Code, converted.Name, source.Sensor, SeriesRole.Converted));
            if (QuantityCatalogue.DerivedOf(quantity, Derivation.Rate) is { } rate && quantity.Medium is { } medium
                && device?.Sensors.Any(s => s.Quantities.Contains(FlowOf(medium).Name)) == true)
                series.Add(new(source.Code, rate.Name, source.Sensor, SeriesRole.Rate));
        }
        return series;
    }

    /// <summary>The flow a medium's pollutant is carried by.</summary>
    public static Quantity FlowOf(EmissionMedium medium) =>
        medium == EmissionMedium.Wastewater ? QuantityCatalogue.WastewaterFlow : QuantityCatalogue.FlueGasFlow;

    /// <summary>Cubic metres per hour of one unit of a flow quantity (m³/s → 3600, L/s → 3.6); null: not a flow.</summary>
    public static double? CubicMetresPerHour(string quantity) =>
        quantity == QuantityCatalogue.FlueGasFlow.Name ? 3600.0
        : quantity == QuantityCatalogue.WastewaterFlow.Name ? 3.6
        : null;
}

/// <summary>
/// An electricity meter the point reports (<see cref="RegistryPointMeter"/> resolved): its
/// quantities go out as real-time data under the bureau's codes; a treatment meter's facility
/// (<c>SB1</c>) also gets its run state (2021) and daily run time (2041), running meaning power
/// above <see cref="IdleLoad"/> kW.
/// </summary>
public sealed record PointMeter(Contracts.Topics.DeviceAddress Device, string Sensor, string Role, string? Facility, double IdleLoad, IReadOnlyList<PollutantSource> Codes)
{
    public bool Equals(PointMeter? other) =>
        other is not null && Device == other.Device && Sensor == other.Sensor && Role == other.Role && Facility == other.Facility
        && IdleLoad.Equals(other.IdleLoad) && Codes.SequenceEqual(other.Codes);

    public override int GetHashCode() => HashCode.Combine(Device, Sensor, Role, Facility, IdleLoad, Codes.Count);

    public static IReadOnlyList<PointMeter> For(RegisteredMonitoringPoint registered, ParkRegistry? registry, double defaultIdleLoad)
    {
        var meters = new List<PointMeter>();
        foreach (var meter in registered.Point.Meters)
        {
            var deviceId = meter.Device ?? registered.Point.Device;
            if (registry is null || !registry.TryGetDevice(deviceId, out var device) || device.Address.Enterprise != registered.Device.Enterprise
                || device.Address.Park != registered.Device.Park)
                continue;
            var sensor = device.Device.Sensors.FirstOrDefault(s => s.Id == meter.Sensor);
            if (sensor?.Role is not { } role)
                continue;
            meters.Add(new PointMeter(device.Address, sensor.Id, role, role == SensorRoles.Treatment ? meter.Facility : null,
                sensor.IdleLoad ?? defaultIdleLoad,
                [.. meter.Codes.Where(c => sensor.Quantities.Contains(c.Quantity)).Select(c => new PollutantSource(c.Code, c.Quantity, sensor.Id))]));
        }
        return meters;
    }
}
