using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Efficiency.Consumption;
using SmartPark.Platform.Hosting;

namespace SmartPark.Ingest.Consumption;

/// <summary>Section <c>Consumption</c>: when quarter hours of counting quantities are computed, and how their readings are judged.</summary>
public sealed class ConsumptionOptions
{
    public const string Section = "Consumption";

    /// <summary>How long after a quarter hour's end it is first computed: long enough for the reading
    /// just after its end (a meter read every minute) to have arrived. Later readings recompute it.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often due quarter hours are looked for.</summary>
    [PositiveDuration]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the quarter hours still to compute are kept, so a crash or SIGTERM does not forget them.</summary>
    public string StateDirectory { get; set; } = Path.Combine("data", "consumption");

    /// <summary>Quarter hours of one quantity read by one query, at most (96: a day).</summary>
    [Range(1, 35_136)]
    public int MaxWindowsPerQuery { get; set; } = 96;

    /// <summary>How far before (and after) the computed span the reading before (after) it is looked for;
    /// a meter silent for longer starts afresh, its silence uncounted.</summary>
    [PositiveDuration]
    public TimeSpan LookAround { get; set; } = TimeSpan.FromDays(31);

    /// <summary>How far either side of a meter replacement recorded (or deleted) after the fact its
    /// quarter hours are recomputed: the readings just before and after the swap must fall within it.</summary>
    [PositiveDuration]
    public TimeSpan ReplacementSpan { get; set; } = TimeSpan.FromHours(6);

    /// <summary>See <see cref="CounterRules.GapThreshold"/>.</summary>
    [PositiveDuration]
    public TimeSpan GapThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>See <see cref="CounterRules.ResetFraction"/>.</summary>
    [Range(0.0, 1.0)]
    public double ResetFraction { get; set; } = 0.5;

    /// <summary>See <see cref="CounterRules.MaxPerHour"/>: per counting quantity, in its unit per hour
    /// (<c>Consumption__MaxPerHour__energy=200000</c>); 0 or less removes the limit.</summary>
    public Dictionary<string, double> MaxPerHour { get; set; } = new CounterRules().MaxPerHour;

    public CounterRules Rules() => new()
    {
        GapThreshold = GapThreshold,
        ResetFraction = ResetFraction,
        MaxPerHour = new Dictionary<string, double>(MaxPerHour, StringComparer.Ordinal),
    };
}

/// <summary>Section <c>Consumption</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class ConsumptionOptionsValidator : IValidateOptions<ConsumptionOptions>;
