using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// Which rules apply where. Starts from <see cref="DefaultRules"/>; each entry of
/// <c>Alerts:Rules</c> names a rule by <c>Id</c> and either overrides some of its fields (for
/// every park, or only for the <c>Park</c>/<c>Enterprise</c>/<c>Device</c> it names) or, with a
/// new Id and a <c>Kind</c>, adds a rule. An entry names the kind's settings (<c>Limit</c>,
/// <c>Window</c>, …; see <see cref="Kinds.RuleKind"/>) next to the common fields. The most specific version wins: device, then
/// enterprise, then park, then everywhere. A park's region (<c>Alerts:ParkRegions:{park}</c>,
/// default Guangdong) picks between the Guangdong and national limits.
/// </summary>
public sealed class RuleBook
{
    private readonly List<AlertRule> _rules;
    private readonly IReadOnlyDictionary<string, string> _regions;
    private readonly string _defaultRegion;
    private readonly Dictionary<DeviceAddress, IReadOnlyList<AlertRule>> _cache = [];

    public RuleBook(IEnumerable<AlertRule> rules, IReadOnlyDictionary<string, string>? parkRegions = null, string defaultRegion = DefaultRules.Guangdong)
    {
        _rules = [.. rules];
        _regions = parkRegions ?? new Dictionary<string, string>();
        _defaultRegion = defaultRegion;
        var problems = _rules.SelectMany(r => r.Problems()).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Alert rules are invalid: " + string.Join("; ", problems));
    }

    /// <summary>The defaults with the overrides of <c>Alerts:Rules</c> in <paramref name="alerts"/> applied.</summary>
    public static RuleBook FromConfiguration(IConfiguration alerts)
    {
        var rules = DefaultRules.All.Select(r => r.Clone()).ToList();
        foreach (var entry in alerts.GetSection("Rules").GetChildren())
        {
            var id = entry["Id"] ?? throw new InvalidOperationException($"Alerts:Rules:{entry.Key} has no Id");
            // Start from the everywhere-version of the rule, so an override names only what changes.
            var rule = rules.FirstOrDefault(r => r.Id == id && r.Park is null && r.Enterprise is null && r.Device is null)?.Clone() ?? new AlertRule();
            entry.Bind(rule); // the fields every rule has, and Kind (a new kind starts from blank settings)
            if (rule.Settings is { } settings)
                entry.Bind(settings); // the kind's own settings, written in the same flat entry
            if (rule.Park is null && rule.Enterprise is null && rule.Device is null)
                rules.RemoveAll(r => r.Id == id && r.Park is null && r.Enterprise is null && r.Device is null);
            rules.Add(rule);
        }
        var regions = alerts.GetSection("ParkRegions").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? DefaultRules.Guangdong);
        return new RuleBook(rules, regions, alerts["DefaultRegion"] ?? DefaultRules.Guangdong);
    }

    public string RegionOf(string park) => _regions.TryGetValue(park, out var region) ? region : _defaultRegion;

    /// <summary>The enabled rules in force for one device, one version per rule id.</summary>
    public IReadOnlyList<AlertRule> For(DeviceAddress device)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(device, out var cached))
                return cached;
            var region = RegionOf(device.Park);
            var resolved = _rules
                .Where(r => Applies(r, device))
                .GroupBy(r => r.Id)
                .Select(g => g.MaxBy(Specificity)!)
                .Where(r => r.Enabled && (r.Region is null || r.Region == region))
                .ToList();
            _cache[device] = resolved;
            return resolved;
        }
    }

    /// <summary>
    /// Every rule in force in a park, at each scope where a version of it exists: the park-wide
    /// version (a park override beats the everywhere one) and any enterprise or device version.
    /// A scope where the most specific version is disabled has no entry.
    /// </summary>
    public IReadOnlyList<AlertRule> InPark(string park)
    {
        var region = RegionOf(park);
        return [.. _rules
            .Where(r => r.Park is null || r.Park == park)
            .GroupBy(r => (r.Id, r.Enterprise, r.Device))
            .Select(g => g.MaxBy(Specificity)!)
            .Where(r => r.Enabled && (r.Region is null || r.Region == region))
            .OrderBy(r => r.Enterprise is null ? 0 : 1).ThenBy(r => r.Device is null ? 0 : 1).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The version of one rule in force for a device, if enabled there.</summary>
    public AlertRule? Find(string ruleId, DeviceAddress device) => For(device).FirstOrDefault(r => r.Id == ruleId);

    private static bool Applies(AlertRule rule, DeviceAddress device) =>
        (rule.Park is null || rule.Park == device.Park)
        && (rule.Enterprise is null || rule.Enterprise == device.Enterprise)
        && (rule.Device is null || rule.Device == device.Device);

    private static int Specificity(AlertRule rule) =>
        rule.Device is not null ? 3 : rule.Enterprise is not null ? 2 : rule.Park is not null ? 1 : 0;
}
