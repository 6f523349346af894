using System.Xml;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// One alert rule: the fields every rule has, and its kind's own <see cref="Settings"/>. The
/// defaults come from <see cref="DefaultRules"/>; configuration (<c>Alerts:Rules</c>) overrides
/// any field or setting of a rule, for every park or for one park, enterprise or device, by naming
/// its <see cref="Id"/> and a scope. Both are written flat in one entry (see RuleBook).
/// </summary>
public sealed class AlertRule
{
    private RuleKind? _settings;
    private string _kind = "";

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>One of <see cref="RuleKinds.All"/>. Setting another kind starts from blank settings of it.</summary>
    public string Kind
    {
        get => _settings?.Name ?? _kind;
        set
        {
            if (_settings?.Name == value)
                return;
            _kind = value;
            _settings = RuleKinds.Create(value);
        }
    }

    /// <summary>The kind's settings and judgement; null only while <see cref="Kind"/> names no known kind.</summary>
    public RuleKind? Settings
    {
        get => _settings;
        set
        {
            _settings = value;
            _kind = value?.Name ?? "";
        }
    }

    public string Severity { get; set; } = AlertSeverities.Warning;
    /// <summary>The environment bureau is told of this rule's alerts.</summary>
    public bool Bureau { get; set; }
    /// <summary>A safety alarm (fire, electrical fire, combustible or toxic gas, fire water): the emergency-management and
    /// fire authorities' receiver is told of it and the Dashboard's <c>safety</c> role sees it.</summary>
    public bool Safety { get; set; }
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
    /// <summary>The quantity a series kind watches; rules are indexed by it.</summary>
    public string? Quantity { get; set; }

    /// <summary>A discharge permit's limit on <see cref="Quantity"/> (registry <c>dischargePermit.limits</c>) replaces
    /// this rule's limit at the permit's enterprise (see <see cref="RuleBook"/>). Set on the emission rules, not on
    /// fugitive ones (a permit's NMHC limit is for the stack, not the workshop).</summary>
    public bool FollowsPermit { get; set; }

    /// <summary>The condition must stay false this long before the alert clears (no flapping).</summary>
    public TimeSpan HoldOff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>False for housekeeping alerts (offline, stuck) that may close without anyone acknowledging them.</summary>
    public bool RequiresAck { get; set; } = true;
    /// <summary>A cleared and acknowledged alert closes after this, unless it comes back first.</summary>
    public TimeSpan CloseAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The limit a chart draws, for kinds that compare with one (<see cref="ILimitedKind"/>).</summary>
    public double? Limit => (_settings as ILimitedKind)?.Limit;

    public double? ClearAt => (_settings as ILimitedKind)?.ClearAt;

    /// <summary>ISO 8601 duration of the compared value, for alert documents.</summary>
    public string? Averaging => _settings?.Averaging is { } w ? XmlConvert.ToString(w) : null;

    public bool WatchesSensor(string sensor) =>
        (Sensors is null || Matches(Sensors, sensor)) && (ExceptSensors is null || !Matches(ExceptSensors, sensor));

    private static bool Matches(string pattern, string sensor) =>
        pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(p =>
            p.EndsWith('*') ? sensor.StartsWith(p[..^1], StringComparison.Ordinal) : sensor == p);

    public AlertRule Clone()
    {
        var clone = (AlertRule)MemberwiseClone();
        clone._settings = _settings?.Clone();
        return clone;
    }

    /// <summary>Every problem with the rule, for start-up validation.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id))
            yield return "a rule has no Id";
        if (_settings is null)
            yield return $"rule '{Id}': unknown kind '{Kind}' (one of {string.Join(", ", RuleKinds.Names)})";
        if (AlertSeverities.Rank(Severity) == 0)
            yield return $"rule '{Id}': unknown severity '{Severity}'";
        if (_settings is null)
            yield break;
        List<string> needs = [.. _settings.NeedsQuantity && Quantity is null ? ["Quantity"] : Array.Empty<string>(), .. _settings.Missing()];
        if (needs.Count > 0)
            yield return $"rule '{Id}' ({Kind}) needs {(needs.Count == 1 ? needs[0] : string.Join(", ", needs[..^1]) + " and " + needs[^1])}";
        foreach (var problem in _settings.Invalid())
            yield return $"rule '{Id}' ({Kind}): {problem}";
    }
}
