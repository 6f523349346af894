using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Rules;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// Evaluates every rule kind against readings as they arrive and against the clock (so window
/// means, absence and combinations change state when data stops). Not thread-safe on purpose:
/// the engine feeds it from one loop, which is what serialises evaluation per device and makes
/// duplicate alerts from concurrent messages impossible.
/// </summary>
public sealed class AlertEvaluator(RuleBook rules, IEnterpriseStatus registry, EngineState state)
{
    private readonly AlertLifecycle _lifecycle = new(state);
    // What each device and series needs, worked out once (rules in force, keys, memory), so a
    // reading costs dictionary lookups and arithmetic, not string building, LINQ and pattern
    // matching: the engine evaluates every reading Ingest accepts.
    private readonly Dictionary<DeviceAddress, DevicePlan> _devices = [];
    private readonly Dictionary<(DeviceAddress Device, string Sensor, string Quantity), SeriesPlan> _series = [];

    public AlertLifecycle Lifecycle => _lifecycle;

    public void OnBatch(DeviceAddress device, TelemetryBatch batch, DateTimeOffset receivedAt)
    {
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
            var value = reading.Value!.Value;
            var ts = reading.Ts!.Value.ToUnixTimeMilliseconds();
            Remember(series, ts, value);
            for (var i = 0; i < series.Rules.Length; i++)
            {
                var rule = series.Rules[i];
                var (met, shown) = Judge(rule, device, series.Memory, ts, value);
                _lifecycle.Apply(rule, series.Scope, series.ConditionKeys[i], met, shown, receivedAt);
            }
        }
        EvaluateCombinations(device.Park, device.Enterprise, receivedAt);
    }

    private DevicePlan DevicePlanOf(DeviceAddress device)
    {
        if (_devices.TryGetValue(device, out var plan))
            return plan;
        var deviceRules = rules.For(device);
        var scope = new AlertScope(device.Park, device.Enterprise, device.Device);
        AlertRule[] absence = [.. deviceRules.Where(r => r.Kind == RuleKinds.Absence)];
        plan = new DevicePlan(device, device.Park + "/" + device.Enterprise + "/" + device.Device, deviceRules, scope,
            absence, [.. absence.Select(r => AlertLifecycle.Key(r.Id, scope))]);
        _devices[device] = plan;
        return plan;
    }

    private SeriesPlan SeriesPlanOf(DevicePlan device, string sensor, string quantity)
    {
        if (_series.TryGetValue((device.Address, sensor, quantity), out var plan))
            return plan;
        var key = $"{device.Key}/{sensor}/{quantity}";
        if (!state.Series.TryGetValue(key, out var memory))
            state.Series[key] = memory = new SeriesMemory();
        AlertRule[] applicable = [.. device.Rules.Where(r => r.Quantity == quantity && r.WatchesSensor(sensor))];
        var scope = new AlertScope(device.Address.Park, device.Address.Enterprise, device.Address.Device, sensor);
        plan = new SeriesPlan(memory, scope, applicable, [.. applicable.Select(r => AlertLifecycle.Key(r.Id, scope))])
        {
            WindowRules = [.. applicable.Where(r => r.Kind == RuleKinds.Window)],
            RateWindowMs = applicable.Where(r => r.Kind == RuleKinds.Rate).Select(r => (long)r.Window!.Value.TotalMilliseconds).DefaultIfEmpty(0).Max(),
            FlatTolerance = applicable.Where(r => r.Kind == RuleKinds.Flatline).Select(r => r.Tolerance).DefaultIfEmpty(0).Min(),
            NoiseFloor = applicable.Where(r => r.Kind == RuleKinds.Registry).Select(r => r.NoiseFloor!.Value).DefaultIfEmpty(double.NaN).Min(),
        };
        _series[(device.Address, sensor, quantity)] = plan;
        return plan;
    }

    private sealed record DevicePlan(DeviceAddress Address, string Key, IReadOnlyList<AlertRule> Rules, AlertScope Scope, AlertRule[] AbsenceRules, string[] AbsenceKeys);

    /// <summary>One series' memory and the rules that watch it, with each rule's condition key.</summary>
    private sealed record SeriesPlan(SeriesMemory Memory, AlertScope Scope, AlertRule[] Rules, string[] ConditionKeys)
    {
        public required AlertRule[] WindowRules { get; init; }
        public required long RateWindowMs { get; init; }
        public required double FlatTolerance { get; init; }
        public required double NoiseFloor { get; init; }
    }

    /// <summary>The clock moved: windows slide, silent devices go offline, hold-offs expire.</summary>
    public void OnTick(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var (key, series) in state.Series)
        {
            if (series.Buckets.Count == 0)
                continue; // no window rule watches this series
            var (device, sensor, quantity) = ParseSeriesKey(key);
            foreach (var rule in rules.For(device).Where(r => r.Kind == RuleKinds.Window && r.Quantity == quantity && r.WatchesSensor(sensor)))
            {
                var (met, mean) = WindowMean(rule, series, nowMs);
                _lifecycle.Apply(rule, new AlertScope(device.Park, device.Enterprise, device.Device, sensor), met, mean, now);
            }
        }
        foreach (var memory in state.Devices.Values)
        {
            var device = new DeviceAddress(memory.Park, memory.Enterprise, memory.Device);
            foreach (var rule in rules.For(device).Where(r => r.Kind == RuleKinds.Absence))
            {
                var silence = now - memory.LastSeen;
                var met = silence > AbsenceLimit(rule, memory);
                _lifecycle.Apply(rule, new AlertScope(device.Park, device.Enterprise, device.Device), met, Math.Round(silence.TotalSeconds), now);
            }
        }
        foreach (var (park, enterprise) in state.EnterprisesWithConditions().ToList())
            EvaluateCombinations(park, enterprise, now);
        foreach (var (key, alert) in state.Alerts.ToList())
        {
            var rule = RuleOf(alert);
            if (rule is not null)
                _lifecycle.Advance(rule, key, alert, now);
        }
    }

    private AlertRule? RuleOf(OpenAlert alert)
    {
        var doc = alert.Document;
        return rules.Find(doc.RuleId, new DeviceAddress(doc.Park, doc.Enterprise ?? "", doc.Device ?? ""))
            // A rule disabled or removed since: let its alerts clear and close on the defaults.
            ?? DefaultRules.All.FirstOrDefault(r => r.Id == doc.RuleId)
            ?? new AlertRule { Id = doc.RuleId, Kind = doc.Kind };
    }

    private static TimeSpan AbsenceLimit(AlertRule rule, DeviceMemory device)
    {
        var expected = TimeSpan.FromSeconds(device.IntervalSeconds * rule.Intervals);
        return expected > rule.MinSilence ? expected : rule.MinSilence;
    }

    private void Seen(DevicePlan device, DateTimeOffset at)
    {
        if (!state.Devices.TryGetValue(device.Key, out var memory))
            state.Devices[device.Key] = memory = new DeviceMemory { Park = device.Address.Park, Enterprise = device.Address.Enterprise, Device = device.Address.Device, LastSeen = at };
        var gap = (at - memory.LastSeen).TotalSeconds;
        // A smoothed reporting interval; one long gap (an outage) must not teach it a slow device.
        if (gap > 0 && (memory.IntervalSeconds == 0 || gap < memory.IntervalSeconds * 10))
            memory.IntervalSeconds = memory.IntervalSeconds == 0 ? gap : (0.8 * memory.IntervalSeconds) + (0.2 * gap);
        memory.LastSeen = at;
        for (var i = 0; i < device.AbsenceRules.Length; i++)
            _lifecycle.Apply(device.AbsenceRules[i], device.Scope, device.AbsenceKeys[i], false, 0, at);
    }

    private static (DeviceAddress Device, string Sensor, string Quantity) ParseSeriesKey(string key)
    {
        var parts = key.Split('/');
        return (new DeviceAddress(parts[0], parts[1], parts[2]), parts[3], parts[4]);
    }

    /// <summary>Keeps what the rules of this series need: window buckets, recent raw points, the
    /// last change (flatline) and how long the value has stayed above a noise floor.</summary>
    private static void Remember(SeriesPlan plan, long ts, double value)
    {
        var series = plan.Memory;
        foreach (var rule in plan.WindowRules)
        {
            var width = BucketWidth(rule);
            var start = ts - (((ts % width) + width) % width);
            WindowBucket? bucket = null;
            foreach (var b in series.Buckets)
            {
                if (b.StartTs == start)
                {
                    bucket = b;
                    break;
                }
            }
            if (bucket is null)
                series.Buckets.Add(bucket = new WindowBucket { StartTs = start });
            bucket.Sum += value;
            bucket.Count++;
            var keepFrom = ts - (long)rule.Window!.Value.TotalMilliseconds - width;
            foreach (var b in series.Buckets)
            {
                if (b.StartTs < keepFrom)
                {
                    series.Buckets.RemoveAll(old => old.StartTs < keepFrom);
                    break;
                }
            }
        }
        if (plan.RateWindowMs > 0)
        {
            series.Recent.Add(new SamplePoint(ts, value));
            series.Recent.RemoveAll(p => p.Ts < ts - plan.RateWindowMs);
        }
        if (series.LastValue is not { } last || Math.Abs(value - last) > plan.FlatTolerance)
            series.ChangedAtTs = ts;
        if (!double.IsNaN(plan.NoiseFloor))
            series.AboveFloorSinceTs = value > plan.NoiseFloor ? series.AboveFloorSinceTs ?? ts : null;
        series.LastValue = value;
        series.LastTs = Math.Max(series.LastTs, ts);
    }

    private static long BucketWidth(AlertRule rule) => Math.Max(1_000, (long)rule.Window!.Value.TotalMilliseconds / 60);

    /// <summary>One rule's verdict after a reading, and the value an alert would show.</summary>
    private (bool? Met, double? Value) Judge(AlertRule rule, DeviceAddress device, SeriesMemory series, long ts, double value)
    {
        switch (rule.Kind)
        {
            case RuleKinds.Threshold:
                // Above the limit raises; at or below ClearAt clears; in between keeps the verdict (deadband).
                return value > rule.Limit ? (true, value) : value <= (rule.ClearAt ?? rule.Limit) ? (false, value) : (null, value);
            case RuleKinds.Window:
                return WindowMean(rule, series, Math.Max(ts, series.LastTs));
            case RuleKinds.Rate:
                return Rate(rule, series);
            case RuleKinds.Detector:
                return (value >= 1, value);
            case RuleKinds.Flatline:
                return (ts - series.ChangedAtTs >= (long)rule.FlatFor!.Value.TotalMilliseconds, value);
            case RuleKinds.Registry:
                if (registry.StatusOf(device.Park, device.Enterprise) != rule.RequiredStatus)
                    return (false, value);
                return (series.AboveFloorSinceTs is { } since && ts - since >= (long)rule.For!.Value.TotalMilliseconds, value);
            default:
                return (null, null);
        }
    }

    private static (bool? Met, double? Mean) WindowMean(AlertRule rule, SeriesMemory series, long endMs)
    {
        var from = endMs - (long)rule.Window!.Value.TotalMilliseconds;
        double sum = 0;
        long count = 0;
        foreach (var bucket in series.Buckets)
        {
            if (bucket.StartTs >= from && bucket.StartTs <= endMs)
            {
                sum += bucket.Sum;
                count += bucket.Count;
            }
        }
        if (count < rule.MinCount)
            return (false, null); // too little data in the window to judge: no exceedance (absence rules cover silence)
        var mean = Math.Round(sum / count, 6);
        return mean > rule.Limit ? (true, mean) : mean <= (rule.ClearAt ?? rule.Limit) ? (false, mean) : (null, mean);
    }

    private static (bool? Met, double? Rate) Rate(AlertRule rule, SeriesMemory series)
    {
        if (series.Recent.Count < 2)
            return (null, null);
        var first = series.Recent.MinBy(p => p.Ts)!;
        var last = series.Recent.MaxBy(p => p.Ts)!;
        var minutes = (last.Ts - first.Ts) / 60_000.0;
        // Judge only over at least half the window, so two noisy points seconds apart cannot raise it.
        if (minutes < rule.Window!.Value.TotalMinutes / 2)
            return (null, null);
        var rate = Math.Round((last.Value - first.Value) / minutes, 3);
        return (rate >= rule.RatePerMinute, rate);
    }

    /// <summary>Combination rules at one enterprise: every required rule (or one of its
    /// <c>a|b</c> alternatives) met somewhere in the enterprise within the window.</summary>
    private void EvaluateCombinations(string park, string enterprise, DateTimeOffset now)
    {
        var scopeDevice = new DeviceAddress(park, enterprise, "");
        foreach (var rule in rules.For(scopeDevice).Where(r => r.Kind == RuleKinds.Combination))
        {
            var since = now - rule.Window!.Value;
            var met = rule.Requires!.All(required =>
            {
                var alternatives = required.Split('|', StringSplitOptions.TrimEntries);
                return alternatives.Any(ruleId => state.ConditionsAt(park, enterprise, ruleId).Any(c => c.Met || c.LastMetAt >= since));
            });
            _lifecycle.Apply(rule, new AlertScope(park, enterprise), met, null, now);
        }
    }
}
