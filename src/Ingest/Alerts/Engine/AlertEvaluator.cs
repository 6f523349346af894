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
    // Rules per series key, so the hot path does not filter and match sensor patterns per reading.
    private readonly Dictionary<string, List<AlertRule>> _applicable = [];

    public AlertLifecycle Lifecycle => _lifecycle;

    public void OnBatch(DeviceAddress device, TelemetryBatch batch, DateTimeOffset receivedAt)
    {
        var deviceRules = rules.For(device);
        Seen(device, receivedAt, deviceRules);
        foreach (var reading in batch.Readings!)
        {
            var sensor = reading.Sensor!;
            var quantity = reading.Quantity!;
            var value = reading.Value!.Value;
            var ts = reading.Ts!.Value.ToUnixTimeMilliseconds();
            var key = $"{device.Park}/{device.Enterprise}/{device.Device}/{sensor}/{quantity}";
            if (!state.Series.TryGetValue(key, out var series))
                state.Series[key] = series = new SeriesMemory();
            if (!_applicable.TryGetValue(key, out var applicable))
                _applicable[key] = applicable = [.. deviceRules.Where(r => r.Quantity == quantity && r.WatchesSensor(sensor))];
            Remember(series, applicable, ts, value);
            var scope = new AlertScope(device.Park, device.Enterprise, device.Device, sensor);
            foreach (var rule in applicable)
            {
                var (met, shown) = Judge(rule, device, series, ts, value);
                _lifecycle.Apply(rule, scope, met, shown, receivedAt);
            }
        }
        EvaluateCombinations(device.Park, device.Enterprise, receivedAt);
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

    private void Seen(DeviceAddress device, DateTimeOffset at, IReadOnlyList<AlertRule> deviceRules)
    {
        var key = device.Park + "/" + device.Enterprise + "/" + device.Device;
        if (!state.Devices.TryGetValue(key, out var memory))
            state.Devices[key] = memory = new DeviceMemory { Park = device.Park, Enterprise = device.Enterprise, Device = device.Device, LastSeen = at };
        var gap = (at - memory.LastSeen).TotalSeconds;
        // A smoothed reporting interval; one long gap (an outage) must not teach it a slow device.
        if (gap > 0 && (memory.IntervalSeconds == 0 || gap < memory.IntervalSeconds * 10))
            memory.IntervalSeconds = memory.IntervalSeconds == 0 ? gap : (0.8 * memory.IntervalSeconds) + (0.2 * gap);
        memory.LastSeen = at;
        foreach (var rule in deviceRules.Where(r => r.Kind == RuleKinds.Absence))
            _lifecycle.Apply(rule, new AlertScope(device.Park, device.Enterprise, device.Device), false, 0, at);
    }

    private static (DeviceAddress Device, string Sensor, string Quantity) ParseSeriesKey(string key)
    {
        var parts = key.Split('/');
        return (new DeviceAddress(parts[0], parts[1], parts[2]), parts[3], parts[4]);
    }

    /// <summary>Keeps what the rules of this series need: window buckets, recent raw points, the
    /// last change (flatline) and how long the value has stayed above a noise floor.</summary>
    private static void Remember(SeriesMemory series, List<AlertRule> applicable, long ts, double value)
    {
        foreach (var rule in applicable.Where(r => r.Kind == RuleKinds.Window))
        {
            var width = BucketWidth(rule);
            var start = ts - (((ts % width) + width) % width);
            var bucket = series.Buckets.FirstOrDefault(b => b.StartTs == start);
            if (bucket is null)
                series.Buckets.Add(bucket = new WindowBucket { StartTs = start });
            bucket.Sum += value;
            bucket.Count++;
            var keepFrom = ts - (long)rule.Window!.Value.TotalMilliseconds - width;
            series.Buckets.RemoveAll(b => b.StartTs < keepFrom);
        }
        var rateWindow = applicable.Where(r => r.Kind == RuleKinds.Rate).Select(r => (long)r.Window!.Value.TotalMilliseconds).DefaultIfEmpty(0).Max();
        if (rateWindow > 0)
        {
            series.Recent.Add(new SamplePoint(ts, value));
            series.Recent.RemoveAll(p => p.Ts < ts - rateWindow);
        }
        var tolerance = applicable.Where(r => r.Kind == RuleKinds.Flatline).Select(r => r.Tolerance).DefaultIfEmpty(0).Min();
        if (series.LastValue is not { } last || Math.Abs(value - last) > tolerance)
            series.ChangedAtTs = ts;
        var floor = applicable.Where(r => r.Kind == RuleKinds.Registry).Select(r => r.NoiseFloor!.Value).DefaultIfEmpty(double.NaN).Min();
        if (!double.IsNaN(floor))
            series.AboveFloorSinceTs = value > floor ? series.AboveFloorSinceTs ?? ts : null;
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
