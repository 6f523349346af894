using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// Which rules apply where. Starts from <see cref="DefaultRules"/>; each entry of
/// <c>Alerts:Rules</c> names a rule by <c>Id</c> and either overrides some of its fields (for
/// every park, or only for the <c>Park</c>/<c>Enterprise</c>/<c>Device</c> it names) or, with a
/// new Id and a <c>Kind</c>, adds a rule. An entry names the kind's settings (<c>Limit</c>,
/// <c>Window</c>, …; see <see cref="Kinds.RuleKind"/>) next to the common fields. The most specific version wins: device, then
/// enterprise, then park, then everywhere. A park's region (<c>Alerts:ParkRegions:{park}</c>,
/// default Guangdong) picks between the Guangdong and national limits. An enterprise's discharge
/// permit in the registry in force replaces the limit of the rules that follow permits
/// (<see cref="AlertRule.FollowsPermit"/>) at that enterprise (<see cref="PermitLimits"/>); when the
/// registry is replaced, what was resolved is resolved again (<see cref="Revision"/>).
/// </summary>
public sealed class RuleBook
{
    private readonly List<AlertRule> _rules;
    private readonly IReadOnlyDictionary<string, string> _regions;
    private readonly string _defaultRegion;
    private readonly Dictionary<DeviceAddress, IReadOnlyList<AlertRule>> _cache = [];
    private readonly Func<ParkRegistry?> _registry;
    private ParkRegistry? _resolvedWith;
    private long _revision;

    /// <param name="rules">Every version of every rule.</param>
    /// <param name="parkRegions">Park → region (guangdong or national).</param>
    /// <param name="defaultRegion">The region of a park not in <paramref name="parkRegions"/>.</param>
    /// <param name="registry">The registry in force, for discharge permits' limits; null: none.</param>
    public RuleBook(IEnumerable<AlertRule> rules, IReadOnlyDictionary<string, string>? parkRegions = null, string defaultRegion = DefaultRules.Guangdong,
        Func<ParkRegistry?>? registry = null)
    {
        _registry = registry ?? (() => null);
        _rules = [.. rules];
        _regions = parkRegions ?? new Dictionary<string, string>();
        _defaultRegion = defaultRegion;
        var problems = _rules.SelectMany(r => r.Problems()).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Alert rules are invalid: " + string.Join("; ", problems));
    }

    /// <summary>The defaults with the overrides of <c>Alerts:Rules</c> in <paramref name="alerts"/> applied.</summary>
    public static RuleBook FromConfiguration(IConfiguration alerts, Func<ParkRegistry?>? registry = null)
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
        return new RuleBook(rules, regions, alerts["DefaultRegion"] ?? DefaultRules.Guangdong, registry);
    }

    /// <summary>
    /// Rises whenever the rules in force may have changed (a new registry, with other permits, came
    /// into force): whoever keeps rules resolved by <see cref="For"/> resolves them again.
    /// </summary>
    public long Revision
    {
        get
        {
            lock (_cache)
            {
                FollowRegistry();
                return _revision;
            }
        }
    }

    /// <summary>Under the lock: forget what was resolved with a registry no longer in force.</summary>
    private ParkRegistry? FollowRegistry()
    {
        var current = _registry();
        if (!ReferenceEquals(current, _resolvedWith))
        {
            _cache.Clear();
            _resolvedWith = current;
            _revision++;
        }
        return current;
    }

    public string RegionOf(string park) => _regions.TryGetValue(park, out var region) ? region : _defaultRegion;

    /// <summary>The enabled rules in force for one device, one version per rule id.</summary>
    public IReadOnlyList<AlertRule> For(DeviceAddress device)
    {
        lock (_cache)
        {
            var registry = FollowRegistry();
            if (_cache.TryGetValue(device, out var cached))
                return cached;
            var region = RegionOf(device.Park);
            var permit = registry?.FindEnterprise(device.Park, device.Enterprise)?.DischargePermit;
            var resolved = _rules
                .Where(r => Applies(r, device))
                .GroupBy(r => r.Id)
                .Select(g => g.MaxBy(Specificity)!)
                .Select(r => PermitLimits.Apply(r, device.Park, device.Enterprise, permit, overridden: Specificity(r) > 0))
                .Where(r => r.Enabled && (r.Region is null || r.Region == region))
                .ToList();
            _cache[device] = resolved;
            return resolved;
        }
    }

    /// <summary>
    /// Every rule in force in a park, at each scope where a version of it exists: the park-wide
    /// version (a park override beats the everywhere one) and any enterprise or device version.
    /// A scope where the most specific version is disabled has no entry. An enterprise whose discharge
    /// permit sets a limit on a rule's quantity has its own version of that rule, with the permit's limit.
    /// </summary>
    public IReadOnlyList<AlertRule> InPark(string park)
    {
        var region = RegionOf(park);
        var registry = _registry();
        var versions = _rules
            .Where(r => r.Park is null || r.Park == park)
            .GroupBy(r => (r.Id, r.Enterprise, r.Device))
            .Select(g => g.MaxBy(Specificity)!)
            .ToList();
        var permits = (registry?.FindPark(park)?.Enterprises ?? [])
            .Where(e => e.DischargePermit is { Limits.Count: > 0 })
            .ToDictionary(e => e.Id, e => e.DischargePermit!, StringComparer.Ordinal);
        var inForce = new List<AlertRule>(versions.Count);
        foreach (var rule in versions)
        {
            if (rule.Enterprise is { } own && permits.TryGetValue(own, out var ownPermit))
            {
                inForce.Add(PermitLimits.Apply(rule, park, own, ownPermit, overridden: true));
                continue;
            }
            inForce.Add(rule);
            if (rule.Enterprise is not null || rule.Device is not null)
                continue;
            // A park-wide rule: each enterprise whose permit limits its quantity has its own version,
            // unless configuration already gives that enterprise one (then handled above).
            foreach (var (enterprise, permit) in permits)
            {
                var version = PermitLimits.Apply(rule, park, enterprise, permit, overridden: Specificity(rule) > 0);
                if (!ReferenceEquals(version, rule) && !versions.Any(v => v.Id == rule.Id && v.Enterprise == enterprise && v.Device is null))
                    inForce.Add(version);
            }
        }
        return [.. inForce
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
