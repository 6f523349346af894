namespace SmartPark.Contracts.Registry;

/// <summary>A sensor on a device and the catalogue quantities it reports (a meter reports several).</summary>
public sealed record RegistrySensor : RegistryNode
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Quantities { get; init; } = [];

    /// <summary>Recorded swaps of this sensor's counting meter, oldest first (the park database's MeterReplacements).</summary>
    public IReadOnlyList<RegistryMeterReplacement> Replacements { get; init; } = [];

    /// <summary>Where this sensor's counting register wraps to zero (e.g. 1,000,000 kWh for a DL/T 645
    /// XXXXXX.XX register); null when the meter's register is not known to wrap.</summary>
    public double? Rollover { get; init; }

    /// <summary>How this sensor's flue-gas values were measured (YAML <c>emission:</c>): reference oxygen, wet or dry, actual or standard flow; null: dry, standard, no reference oxygen.</summary>
    public Emissions.EmissionSettings? Emission { get; init; }

    /// <summary>What an electricity meter feeds (YAML <c>role: production</c> or <c>treatment</c>), for the rule that
    /// production must not run while its pollution-treatment equipment is off (分表计电); null: neither.</summary>
    public string? Role { get; init; }

    /// <summary>A treatment meter's rated idle load in kW (YAML <c>idleLoad</c>): at or below it the equipment
    /// counts as not running; null: the rule's default.</summary>
    public double? IdleLoad { get; init; }

    /// <summary>The rated current in A of the circuit this meter or detector watches (YAML <c>ratedCurrent</c>, the
    /// breaker's In): the <c>overload</c> rule compares the sensor's <c>current</c> with it; null: not judged.</summary>
    public double? RatedCurrent { get; init; }

    /// <summary>The nominal voltage in V of what the sensor's <c>voltage</c> measures (YAML <c>nominalVoltage</c>:
    /// 220 phase to neutral, 380 between phases): the over-, under-voltage and phase-loss rules compare with it; null: not judged.</summary>
    public double? NominalVoltage { get; init; }
}

/// <summary>What an electricity meter feeds, for the treatment-equipment rules.</summary>
public static class SensorRoles
{
    /// <summary>Production lines, machines, kilns: the load that makes the pollution.</summary>
    public const string Production = "production";

    /// <summary>Pollution-treatment equipment: scrubbers, fans of a VOC treatment unit, RTO, the wastewater station.</summary>
    public const string Treatment = "treatment";

    public static IReadOnlyList<string> All { get; } = [Production, Treatment];
}
