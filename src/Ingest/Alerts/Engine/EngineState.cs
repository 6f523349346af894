using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// Everything the engine remembers: open alerts, each rule's condition per scope, what each
/// series and device has shown lately, and the transitions not yet published. Saved to disk
/// as a whole (see <see cref="EngineStateStore"/>) so open alerts and rule state survive a restart.
/// </summary>
public sealed class EngineState
{
    public Dictionary<string, OpenAlert> Alerts { get; set; } = [];
    public Dictionary<string, ConditionMemory> Conditions { get; set; } = [];
    public Dictionary<string, SeriesMemory> Series { get; set; } = [];
    public Dictionary<string, DeviceMemory> Devices { get; set; } = [];
    /// <summary>What enterprise rules judged from readings (<see cref="MeteredEnterpriseKind"/>) remember, by <c>park/enterprise</c>.</summary>
    public Dictionary<string, EnterpriseMemory> Enterprises { get; set; } = [];
    /// <summary>Transitions decided but not yet out on MQTT, InfluxDB and the bureau outbox: an outbox.</summary>
    public List<AlertTransition> Pending { get; set; } = [];

    private Dictionary<(string Park, string Enterprise, string RuleId), List<ConditionMemory>>? _byEnterprise;

    /// <summary>The conditions of one rule at one enterprise (any device, any sensor): what
    /// combination rules look at. An index over <see cref="Conditions"/>, rebuilt after loading.</summary>
    public IReadOnlyList<ConditionMemory> ConditionsAt(string park, string enterprise, string ruleId) =>
        ByEnterprise().TryGetValue((park, enterprise, ruleId), out var list) ? list : [];

    /// <summary>Enterprises that have any condition at all.</summary>
    public IEnumerable<(string Park, string Enterprise)> EnterprisesWithConditions() =>
        ByEnterprise().Keys.Select(k => (k.Park, k.Enterprise)).Distinct();

    public void AddCondition(string key, ConditionMemory condition)
    {
        Conditions[key] = condition;
        if (_byEnterprise is not null && condition.Enterprise is not null)
            Index(_byEnterprise, condition);
    }

    private Dictionary<(string Park, string Enterprise, string RuleId), List<ConditionMemory>> ByEnterprise()
    {
        if (_byEnterprise is null)
        {
            _byEnterprise = [];
            foreach (var condition in Conditions.Values.Where(c => c.Enterprise is not null))
                Index(_byEnterprise, condition);
        }
        return _byEnterprise;
    }

    private static void Index(Dictionary<(string Park, string Enterprise, string RuleId), List<ConditionMemory>> index, ConditionMemory condition)
    {
        var key = (condition.Park, condition.Enterprise!, condition.RuleId);
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(condition);
    }
}

public sealed class OpenAlert
{
    public required AlertDocument Document { get; set; }
    public long Sequence { get; set; }
    /// <summary>Since when the rule's condition has been false (null while it holds).</summary>
    public DateTimeOffset? ConditionFalseSince { get; set; }
    /// <summary>Peak, value or count changed since the retained document was last published.</summary>
    public bool DocumentDirty { get; set; }
    public DateTimeOffset? DocumentPublishedAt { get; set; }
    public DateTimeOffset? LastReminderAt { get; set; }
    /// <summary>The version of the evidence the document carries (<see cref="IAlertEvidence.Version"/>).</summary>
    public long? EvidenceVersion { get; set; }
}

public sealed class ConditionMemory
{
    public bool Met { get; set; }
    public DateTimeOffset? LastMetAt { get; set; }
    public string RuleId { get; set; } = "";
    public string Park { get; set; } = "";
    public string? Enterprise { get; set; }
}

/// <summary>One sensor's quantity on one device: what each rule watching it remembers, by rule id.</summary>
public sealed class SeriesMemory
{
    public Dictionary<string, RuleState> Rules { get; set; } = [];

    /// <summary>A series saved before each rule kept its own memory (one memory shared by every
    /// rule: <c>buckets</c>, <c>recent</c>, <c>changedAtTs</c>…): read on load, moved into
    /// <see cref="Rules"/> by <see cref="LegacySeriesMigration"/>, then gone.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Legacy { get; set; }
}

/// <summary>One enterprise: what each rule judging it from readings remembers, by rule id.</summary>
public sealed class EnterpriseMemory
{
    public Dictionary<string, RuleState> Rules { get; set; } = [];
}

public sealed class DeviceMemory
{
    public string Park { get; set; } = "";
    public string Enterprise { get; set; } = "";
    public string Device { get; set; } = "";
    public DateTimeOffset LastSeen { get; set; }
    /// <summary>Smoothed gap between the device's batches, in seconds.</summary>
    public double IntervalSeconds { get; set; }
}
