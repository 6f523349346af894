using System.Xml;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// One alert rule. The defaults come from <see cref="DefaultRules"/>; configuration
/// (<c>Alerts:Rules</c>) overrides any field of a rule, for every park or for one park,
/// enterprise or device, by naming its <see cref="Id"/> and a scope.
/// </summary>
public sealed class AlertRule
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Severity { get; set; } = AlertSeverities.Warning;
    /// <summary>The environment bureau is told of this rule's alerts.</summary>
    public bool Bureau { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>The standard and clause the rule implements.</summary>
    public string? Source { get; set; }
    public string? Description { get; set; }

    // Where an override applies (null: everywhere). Defaults leave these empty.
    public string? Park { get; set; }
    public string? Enterprise { get; set; }
    public string? Device { get; set; }
    /// <summary><c>guangdong</c> or <c>national</c>: the limits differ (DB44/2367 vs GB 37822). Null: both.</summary>
    public string? Region { get; set; }
    /// <summary>Sensor ids the rule watches: a prefix ending in <c>*</c>, or an exact id. Null: every sensor.</summary>
    public string? Sensors { get; set; }
    /// <summary>Sensor ids the rule ignores (same syntax), e.g. boundary monitors for an in-plant rule.</summary>
    public string? ExceptSensors { get; set; }

    public string? Quantity { get; set; }
    public double? Limit { get; set; }
    /// <summary>Threshold and window rules clear only at or below this (default: the limit): a deadband.</summary>
    public double? ClearAt { get; set; }
    public TimeSpan? Window { get; set; }
    /// <summary>Readings a window needs before its mean counts.</summary>
    public int MinCount { get; set; } = 1;
    public double? RatePerMinute { get; set; }
    public int Intervals { get; set; } = 3;
    /// <summary>Absence never fires sooner than this, whatever the device's interval.</summary>
    public TimeSpan MinSilence { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan? FlatFor { get; set; }
    /// <summary>Flatline: changes smaller than this do not count as change.</summary>
    public double Tolerance { get; set; }
    public double? NoiseFloor { get; set; }
    public TimeSpan? For { get; set; }
    public string? RequiredStatus { get; set; }
    public string[]? Requires { get; set; }

    /// <summary>The condition must stay false this long before the alert clears (no flapping).</summary>
    public TimeSpan HoldOff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>False for housekeeping alerts (offline, stuck) that may close without anyone acknowledging them.</summary>
    public bool RequiresAck { get; set; } = true;
    /// <summary>A cleared and acknowledged alert closes after this, unless it comes back first.</summary>
    public TimeSpan CloseAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>ISO 8601 duration of the compared value, for alert documents.</summary>
    public string? Averaging => Kind == RuleKinds.Window && Window is { } w ? XmlConvert.ToString(w) : null;

    public bool WatchesSensor(string sensor) =>
        (Sensors is null || Matches(Sensors, sensor)) && (ExceptSensors is null || !Matches(ExceptSensors, sensor));

    private static bool Matches(string pattern, string sensor) =>
        pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(p =>
            p.EndsWith('*') ? sensor.StartsWith(p[..^1], StringComparison.Ordinal) : sensor == p);

    public AlertRule Clone() => (AlertRule)MemberwiseClone();

    /// <summary>Every problem with the rule, for start-up validation.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id))
            yield return "a rule has no Id";
        if (!RuleKinds.All.Contains(Kind))
            yield return $"rule '{Id}': unknown kind '{Kind}' (one of {string.Join(", ", RuleKinds.All)})";
        if (AlertSeverities.Rank(Severity) == 0)
            yield return $"rule '{Id}': unknown severity '{Severity}'";
        var needs = Kind switch
        {
            RuleKinds.Threshold => Quantity is null || Limit is null ? "Quantity and Limit" : null,
            RuleKinds.Window => Quantity is null || Limit is null || Window is null ? "Quantity, Limit and Window" : null,
            RuleKinds.Rate => Quantity is null || RatePerMinute is null || Window is null ? "Quantity, RatePerMinute and Window" : null,
            RuleKinds.Detector => Quantity is null ? "Quantity" : null,
            RuleKinds.Flatline => Quantity is null || FlatFor is null ? "Quantity and FlatFor" : null,
            RuleKinds.Registry => Quantity is null || NoiseFloor is null || For is null || RequiredStatus is null ? "Quantity, NoiseFloor, For and RequiredStatus" : null,
            RuleKinds.Combination => Requires is not { Length: > 0 } || Window is null ? "Requires and Window" : null,
            _ => null,
        };
        if (needs is not null)
            yield return $"rule '{Id}' ({Kind}) needs {needs}";
    }
}
