using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// Evaluates the rules against readings as they arrive and against the clock (so window means,
/// absence and combinations change state when data stops). It knows the three scopes a kind can
/// judge at (<see cref="SeriesKind"/>, <see cref="DeviceKind"/>, <see cref="EnterpriseKind"/>), not
/// the kinds themselves. Not thread-safe on purpose: the engine feeds it from one loop, which is
/// what serialises evaluation per device and makes duplicate alerts from concurrent messages impossible.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly RuleBook _rules;
    private readonly IEnterpriseStatus _registry;
    private readonly EngineState _state;
    private readonly AlertLifecycle _lifecycle;
    // What each device and series needs, worked out once (rules in force, keys, memory), so a
    // reading costs dictionary lookups, one call per rule and arithmetic, not string building,
    // LINQ and pattern matching: the engine evaluates every reading Ingest accepts.
    private readonly Dictionary<DeviceAddress, DevicePlan> _devices = [];
    private readonly Dictionary<(DeviceAddress Device, string Sensor, string Quantity), SeriesPlan> _series = [];
    private long _rulesRevision = -1;

    public AlertEvaluator(RuleBook rules, IEnterpriseStatus registry, EngineState state)
    {
        _rules = rules;
        _registry = registry;
        _state = state;
        _lifecycle = new AlertLifecycle(state);
        LegacySeriesMigration.Migrate(state, rules);
    }

    public AlertLifecycle Lifecycle => _lifecycle;

    public void OnBatch(DeviceAddress device, TelemetryBatch batch, DateTimeOffset receivedAt)
    {
        FollowRules();
        var plan = DevicePlanOf(device);
        Seen(plan, receivedAt);
        foreach (var reading in batch.Readings!)
        {
            // The device is alive whatever the flag (Seen above), but only measured values are
            // judged: a span-gas calibration must not alert the bureau, and a faulty sensor's
            // stale last-good value must not keep or clear an alarm (the device status reports it).
            if (!DataFlag.IsMeasured(reading.Flag))
                continue;
            var series = SeriesPlanOf(plan, reading.Sensor!, reading.Quantity!);
            var seen = new SeriesReading(device, reading.Ts!.Value.ToUnixTimeMilliseconds(), reading.Value!.Value, _registry, reading.Sensor!);
            for (var i = 0; i < series.Rules.Length; i++)
            {
                var verdict = series.Kinds[i].OnReading(seen, series.States[i]);
                _lifecycle.Apply(series.Rules[i], series.Scope, series.ConditionKeys[i], verdict.Met, verdict.Value, receivedAt);
            }
            if (series.Metered is { } metered)
                JudgeMetered(metered, new MeterReading(device, reading.Sensor!, seen.Ts, seen.Value, _registry), receivedAt);
        }
        EvaluateEnterprise(device.Park, device.Enterprise, receivedAt);
    }

    /// <summary>The rules in force changed (a new registry, another permit limit): plan every device and
    /// series again. Each series keeps its memory (windows, since-when), held in the state by rule id.</summary>
    private void FollowRules()
    {
        var revision = _rules.Revision;
        if (revision == _rulesRevision)
            return;
        _rulesRevision = revision;
        _devices.Clear();
        _series.Clear();
    }

    private DevicePlan DevicePlanOf(DeviceAddress device)
    {
        if (_devices.TryGetValue(device, out var plan))
            return plan;
        var deviceRules = _rules.For(device);
        var scope = new AlertScope(device.Park, device.Enterprise, device.Device);
        AlertRule[] deviceScoped = [.. deviceRules.Where(r => r.Settings is DeviceKind)];
        plan = new DevicePlan(device, device.Park + "/" + device.Enterprise + "/" + device.Device, deviceRules, scope,
            deviceScoped, [.. deviceScoped.Select(r => (DeviceKind)r.Settings!)], [.. deviceScoped.Select(r => AlertLifecycle.Key(r.Id, scope))]);
        _devices[device] = plan;
        return plan;
    }

    private SeriesPlan SeriesPlanOf(DevicePlan device, string sensor, string quantity)
    {
        if (_series.TryGetValue((device.Address, sensor, quantity), out var plan))
            return plan;
        var key = $"{device.Key}/{sensor}/{quantity}";
        if (!_state.Series.TryGetValue(key, out var memory))
            _state.Series[key] = memory = new SeriesMemory();
        AlertRule[] applicable = [.. device.Rules.Where(r => r.Settings is SeriesKind && r.Quantity == quantity && r.WatchesSensor(sensor))];
        var kinds = applicable.Select(r => (SeriesKind)r.Settings!).ToArray();
        var states = new RuleState?[applicable.Length];
        for (var i = 0; i < applicable.Length; i++)
        {
            if (!memory.Rules.TryGetValue(applicable[i].Id, out states[i]) || states[i]?.GetType() != kinds[i].StateType)
            {
                // New, or saved by a rule of another kind under the same id: start afresh.
                states[i] = kinds[i].NewState();
                if (states[i] is { } fresh)
                    memory.Rules[applicable[i].Id] = fresh;
                else
                    memory.Rules.Remove(applicable[i].Id);
            }
        }
        var scope = new AlertScope(device.Address.Park, device.Address.Enterprise, device.Address.Device, sensor);
        plan = new SeriesPlan(scope, applicable, kinds, states, [.. applicable.Select(r => AlertLifecycle.Key(r.Id, scope))], MeteredPlanOf(device.Address, quantity));
        _series[(device.Address, sensor, quantity)] = plan;
        return plan;
    }

    private sealed record DevicePlan(DeviceAddress Address, string Key, IReadOnlyList<AlertRule> Rules, AlertScope Scope,
        AlertRule[] DeviceRules, DeviceKind[] DeviceKinds, string[] DeviceKeys);

    /// <summary>One series' rules, each with its kind, its memory of the series and its condition key;
    /// and the enterprise rules its readings feed (null: none).</summary>
    private sealed record SeriesPlan(AlertScope Scope, AlertRule[] Rules, SeriesKind[] Kinds, RuleState?[] States, string[] ConditionKeys, MeteredPlan? Metered);

    /// <summary>The enterprise rules judged from readings of one quantity at one enterprise (<see cref="MeteredEnterpriseKind"/>),
    /// each with its memory of the enterprise (shared by every series there), its condition key and its evidence.</summary>
    private sealed record MeteredPlan(AlertScope Scope, AlertRule[] Rules, MeteredEnterpriseKind[] Kinds, RuleState[] States, string[] ConditionKeys, RuleEvidence[] Evidence);

    private MeteredPlan? MeteredPlanOf(DeviceAddress device, string quantity)
    {
        // The enterprise's version of each rule (not a device's): the memory and the alert are the enterprise's.
        AlertRule[] rules = [.. _rules.For(new DeviceAddress(device.Park, device.Enterprise, "")).Where(r => r.Settings is MeteredEnterpriseKind k && k.WatchedQuantity == quantity)];
        if (rules.Length == 0)
            return null;
        var key = device.Park + "/" + device.Enterprise;
        if (!_state.Enterprises.TryGetValue(key, out var memory))
            _state.Enterprises[key] = memory = new EnterpriseMemory();
        var kinds = rules.Select(r => (MeteredEnterpriseKind)r.Settings!).ToArray();
        var states = new RuleState[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            if (!memory.Rules.TryGetValue(rules[i].Id, out var saved) || saved.GetType() != kinds[i].StateType)
                memory.Rules[rules[i].Id] = saved = kinds[i].NewState();
            states[i] = saved;
        }
        var scope = new AlertScope(device.Park, device.Enterprise);
        return new MeteredPlan(scope, rules, kinds, states, [.. rules.Select(r => AlertLifecycle.Key(r.Id, scope))],
            [.. kinds.Select((k, i) => new RuleEvidence(k, states[i]))]);
    }

    private void JudgeMetered(MeteredPlan plan, in MeterReading reading, DateTimeOffset receivedAt)
    {
        for (var i = 0; i < plan.Rules.Length; i++)
        {
            var verdict = plan.Kinds[i].OnReading(reading, plan.States[i]);
            _lifecycle.Apply(plan.Rules[i], plan.Scope, plan.ConditionKeys[i], verdict.Met, verdict.Value, receivedAt, plan.Evidence[i]);
        }
    }

    /// <summary>The clock moved: windows slide, silent devices go offline, hold-offs expire.</summary>
    public void OnTick(DateTimeOffset now)
    {
        FollowRules();
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var (key, series) in _state.Series)
        {
            if (series.Rules.Count == 0)
                continue;
            var (device, sensor, quantity) = ParseSeriesKey(key);
            foreach (var rule in _rules.For(device))
            {
                if (rule.Settings is SeriesKind { JudgesOnTick: true } kind && rule.Quantity == quantity && rule.WatchesSensor(sensor)
                    && series.Rules.TryGetValue(rule.Id, out var memory) && memory.GetType() == kind.StateType)
                {
                    var verdict = kind.OnTick(memory, nowMs);
                    _lifecycle.Apply(rule, new AlertScope(device.Park, device.Enterprise, device.Device, sensor), verdict.Met, verdict.Value, now);
                }
            }
        }
        foreach (var memory in _state.Devices.Values)
        {
            var device = new DeviceAddress(memory.Park, memory.Enterprise, memory.Device);
            foreach (var rule in _rules.For(device))
            {
                if (rule.Settings is DeviceKind kind)
                {
                    var verdict = kind.OnTick(memory, now);
                    _lifecycle.Apply(rule, new AlertScope(device.Park, device.Enterprise, device.Device), verdict.Met, verdict.Value, now);
                }
            }
        }
        foreach (var (park, enterprise) in _state.EnterprisesWithConditions().ToList())
            EvaluateEnterprise(park, enterprise, now);
        EvaluatePermits(now);
        foreach (var (key, alert) in _state.Alerts.ToList())
            _lifecycle.Advance(RuleOf(alert), key, alert, now);
    }

    private AlertRule RuleOf(OpenAlert alert)
    {
        var doc = alert.Document;
        return _rules.Find(doc.RuleId, new DeviceAddress(doc.Park, doc.Enterprise ?? "", doc.Device ?? ""))
            // A rule disabled or removed since: let its alerts clear and close on the defaults.
            ?? DefaultRules.All.FirstOrDefault(r => r.Id == doc.RuleId)
            ?? new AlertRule { Id = doc.RuleId, Kind = doc.Kind };
    }

    private void Seen(DevicePlan device, DateTimeOffset at)
    {
        if (!_state.Devices.TryGetValue(device.Key, out var memory))
            _state.Devices[device.Key] = memory = new DeviceMemory { Park = device.Address.Park, Enterprise = device.Address.Enterprise, Device = device.Address.Device, LastSeen = at };
        var gap = (at - memory.LastSeen).TotalSeconds;
        // A smoothed reporting interval; one long gap (an outage) must not teach it a slow device.
        if (gap > 0 && (memory.IntervalSeconds == 0 || gap < memory.IntervalSeconds * 10))
            memory.IntervalSeconds = memory.IntervalSeconds == 0 ? gap : (0.8 * memory.IntervalSeconds) + (0.2 * gap);
        memory.LastSeen = at;
        for (var i = 0; i < device.DeviceRules.Length; i++)
        {
            var verdict = device.DeviceKinds[i].OnSeen(memory);
            _lifecycle.Apply(device.DeviceRules[i], device.Scope, device.DeviceKeys[i], verdict.Met, verdict.Value, at);
        }
    }

    /// <summary>The series key's parts: park/enterprise/device/sensor/quantity.</summary>
    internal static (DeviceAddress Device, string Sensor, string Quantity) ParseSeriesKey(string key)
    {
        var parts = key.Split('/');
        return (new DeviceAddress(parts[0], parts[1], parts[2]), parts[3], parts[4]);
    }

    /// <summary>
    /// Permit rules at every enterprise the registry gives a permit expiry; an open permit alert
    /// whose enterprise no longer has one (permit or enterprise removed) is judged not met, so it clears.
    /// </summary>
    private void EvaluatePermits(DateTimeOffset now)
    {
        var judged = new HashSet<(string Park, string Enterprise)>();
        foreach (var permit in _registry.PermitExpiries())
        {
            judged.Add((permit.Park, permit.Enterprise));
            foreach (var rule in _rules.For(new DeviceAddress(permit.Park, permit.Enterprise, "")))
            {
                if (rule.Settings is PermitExpiryKind kind)
                {
                    var verdict = kind.JudgeExpiry(permit.Expiry, now);
                    _lifecycle.Apply(rule, new AlertScope(permit.Park, permit.Enterprise), verdict.Met, verdict.Value, now);
                }
            }
        }
        foreach (var alert in _state.Alerts.Values.ToList())
        {
            var doc = alert.Document;
            if (doc.Enterprise is { } enterprise && !judged.Contains((doc.Park, enterprise)) && RuleOf(alert) is { Settings: PermitExpiryKind } rule)
                _lifecycle.Apply(rule, new AlertScope(doc.Park, enterprise), false, null, now);
        }
    }

    /// <summary>Enterprise rules (combinations) at one enterprise.</summary>
    private void EvaluateEnterprise(string park, string enterprise, DateTimeOffset now)
    {
        var scopeDevice = new DeviceAddress(park, enterprise, "");
        foreach (var rule in _rules.For(scopeDevice))
        {
            if (rule.Settings is EnterpriseKind kind)
            {
                var verdict = kind.Judge(_state, park, enterprise, now);
                _lifecycle.Apply(rule, new AlertScope(park, enterprise), verdict.Met, verdict.Value, now);
            }
        }
    }
}
