using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.Contracts.Emissions;

/// <summary>
/// Derives, from one accepted batch of a device, each pollutant's concentration at reference oxygen
/// (<c>nox_converted</c>) and its mass emission rate (<c>nox_rate</c>, <c>cod_rate</c>), with the
/// formulas of <see cref="FlueGasFormulas"/>. A batch is one sampling round, so the oxygen, moisture,
/// flow, temperature and pressure a value is converted with are the device's readings taken at the
/// same instant (the same sensor's first, then any other sensor of the device). Pure: Ingest stores
/// and judges what it returns, and the Uplink and the Dashboard, which read telemetry on their own,
/// call it on the same batch and get the same values.
/// </summary>
public static class EmissionDerivation
{
    /// <summary>Whether any reading of <paramref name="readings"/> could give a derived value: the cheap test the hot path makes first.</summary>
    public static bool MayDerive(IReadOnlyList<Reading> readings)
    {
        // Indexed, not foreach: enumerating an IReadOnlyList boxes its enumerator, an allocation per batch.
        for (var i = 0; i < readings.Count; i++)
        {
            if (QuantityCatalogue.TryGet(readings[i].Quantity, out var q) && q.Medium is not null)
                return true;
        }
        return false;
    }

    /// <summary>The derived readings of one batch; <paramref name="settingsOf"/> gives a sensor's registry settings (null: none).</summary>
    public static IReadOnlyList<Reading> Derive(IReadOnlyList<Reading> readings, Func<string, EmissionSettings?> settingsOf)
    {
        if (!MayDerive(readings))
            return [];
        var derived = new List<Reading>();
        foreach (var sample in readings.Where(r => r.Ts is not null && r.Value is not null).GroupBy(r => r.Ts!.Value))
        {
            var round = sample.ToList();
            foreach (var reading in round)
            {
                if (!QuantityCatalogue.TryGet(reading.Quantity, out var quantity) || quantity.Medium is not { } medium)
                    continue;
                var settings = settingsOf(reading.Sensor!) ?? Defaults;
                if (quantity.AtReferenceOxygen && settings.ReferenceOxygen is { } reference
                    && Converted(reading, round, settings, reference) is { } converted)
                    derived.Add(Make(reading, quantity, Derivation.Converted, converted.Value, converted.Flag));
                if (Rate(reading, medium, round, settings, settingsOf) is { } rate)
                    derived.Add(Make(reading, quantity, Derivation.Rate, rate.Value, rate.Flag));
            }
        }
        return derived;
    }

    private static readonly EmissionSettings Defaults = new();

    private static (double Value, string Flag)? Converted(Reading pollutant, List<Reading> round, EmissionSettings settings, double reference)
    {
        if (Find(round, QuantityCatalogue.Oxygen, pollutant.Sensor!) is not { } oxygen)
            return null;
        var flags = new List<string> { pollutant.Flag!, oxygen.Flag! };
        double? moisture = null;
        if (settings.WetBasis)
        {
            if (Find(round, QuantityCatalogue.FlueGasHumidity, pollutant.Sensor!) is not { } humidity)
                return null;
            moisture = humidity.Value!.Value;
            flags.Add(humidity.Flag!);
        }
        // Oxygen is measured on the same basis as the gases of the same analyser.
        var dryConcentration = moisture is { } m ? FlueGasFormulas.Dry(pollutant.Value!.Value, m) : pollutant.Value!.Value;
        var dryOxygen = moisture is { } m2 ? FlueGasFormulas.Dry(oxygen.Value!.Value, m2) : oxygen.Value!.Value;
        if (dryConcentration is null || dryOxygen is null)
            return null;
        return FlueGasFormulas.AtReferenceOxygen(dryConcentration.Value, dryOxygen.Value, reference) is { } value
            ? (value, CombinedFlag(flags))
            : null;
    }

    private static (double Value, string Flag)? Rate(Reading pollutant, EmissionMedium medium, List<Reading> round, EmissionSettings settings, Func<string, EmissionSettings?> settingsOf)
    {
        if (medium == EmissionMedium.Wastewater)
        {
            return Find(round, QuantityCatalogue.WastewaterFlow, pollutant.Sensor!) is { } water
                ? (FlueGasFormulas.RateKgPerHour(pollutant.Value!.Value, water.Value!.Value), CombinedFlag([pollutant.Flag!, water.Flag!]))
                : null;
        }
        if (Find(round, QuantityCatalogue.FlueGasFlow, pollutant.Sensor!) is not { } flow)
            return null;
        var flags = new List<string> { pollutant.Flag!, flow.Flag! };
        var flowSettings = settingsOf(flow.Sensor!) ?? Defaults;
        var humidity = Find(round, QuantityCatalogue.FlueGasHumidity, pollutant.Sensor!);
        if ((settings.WetBasis || flowSettings.ActualFlow) && humidity is null)
            return null;
        if (humidity is not null && (settings.WetBasis || flowSettings.ActualFlow))
            flags.Add(humidity.Flag!);
        var concentration = settings.WetBasis ? FlueGasFormulas.Dry(pollutant.Value!.Value, humidity!.Value!.Value) : pollutant.Value!.Value;
        double? standardFlow = flow.Value!.Value;
        if (flowSettings.ActualFlow)
        {
            if (Find(round, QuantityCatalogue.FlueGasTemperature, flow.Sensor!) is not { } temperature
                || Find(round, QuantityCatalogue.FlueGasPressure, flow.Sensor!) is not { } pressure)
                return null;
            flags.Add(temperature.Flag!);
            flags.Add(pressure.Flag!);
            standardFlow = FlueGasFormulas.StandardDryFlow(flow.Value!.Value, temperature.Value!.Value, pressure.Value!.Value, humidity!.Value!.Value);
        }
        if (concentration is null || standardFlow is null)
            return null;
        return (FlueGasFormulas.RateKgPerHour(concentration.Value, standardFlow.Value), CombinedFlag(flags));
    }

    /// <summary>The reading of <paramref name="quantity"/> in the round: from <paramref name="sensor"/> if it has one, else the first other sensor's.</summary>
    private static Reading? Find(List<Reading> round, Quantity quantity, string sensor)
    {
        Reading? other = null;
        foreach (var r in round)
        {
            if (r.Quantity != quantity.Name)
                continue;
            if (r.Sensor == sensor)
                return r;
            other ??= r;
        }
        return other;
    }

    /// <summary>
    /// The flag of a value computed from several readings: measured (N) only if all of them were.
    /// Otherwise the first of fault, communication fault, stopped, maintenance, calibration, manual
    /// that any input carries (a converted NOx during O₂ calibration is a calibration value, judged by
    /// no rule); over range (T) when an input was and none is worse, since the true value is then higher.
    /// </summary>
    public static string CombinedFlag(IEnumerable<string> flags)
    {
        var all = flags as IReadOnlyCollection<string> ?? [.. flags];
        foreach (var worst in FlagPrecedence)
        {
            if (all.Contains(worst))
                return worst;
        }
        return all.Contains(DataFlag.OverRange) ? DataFlag.OverRange : DataFlag.Normal;
    }

    private static readonly string[] FlagPrecedence =
        [DataFlag.Fault, DataFlag.CommunicationFault, DataFlag.Stopped, DataFlag.Maintenance, DataFlag.Calibration, DataFlag.Manual];

    private static Reading Make(Reading source, Quantity quantity, Derivation derivation, double value, string flag)
    {
        var derived = QuantityCatalogue.DerivedOf(quantity, derivation)!;
        return new Reading
        {
            Sensor = source.Sensor,
            Quantity = derived.Name,
            Value = value,
            Unit = derived.Unit,
            Ts = source.Ts,
            Flag = flag,
        };
    }
}
