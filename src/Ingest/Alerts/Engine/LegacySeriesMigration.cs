using System.Text.Json;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// Moves series memory saved before each rule kept its own (one memory per series shared by all
/// its rules) into the memory of each rule that watches the series, once, when the engine starts,
/// so window means, rates and stuck and registry timers carry on across the upgrade. Frozen: it
/// knows only the kinds that existed then; a new kind has nothing to migrate.
/// </summary>
public static class LegacySeriesMigration
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Migrate(EngineState state, RuleBook rules)
    {
        foreach (var (key, series) in state.Series)
        {
            if (series.Legacy is not { Count: > 0 } legacy)
                continue;
            var (device, sensor, quantity) = AlertEvaluator.ParseSeriesKey(key);
            foreach (var rule in rules.For(device))
            {
                if (rule.Quantity == quantity && rule.WatchesSensor(sensor) && !series.Rules.ContainsKey(rule.Id)
                    && From(legacy, rule.Settings) is { } migrated)
                    series.Rules[rule.Id] = migrated;
            }
            series.Legacy = null;
        }
    }

    private static RuleState? From(Dictionary<string, JsonElement> legacy, RuleKind? kind) => kind switch
    {
        WindowKind => new WindowState { Buckets = Read<List<WindowBucket>>(legacy, "buckets") ?? [], LastTs = Read<long>(legacy, "lastTs") },
        RateKind => new RateState { Recent = Read<List<SamplePoint>>(legacy, "recent") ?? [] },
        FlatlineKind => new FlatlineState { LastValue = Read<double?>(legacy, "lastValue"), ChangedAtTs = Read<long>(legacy, "changedAtTs") },
        RegistryKind => new RegistryState { AboveFloorSinceTs = Read<long?>(legacy, "aboveFloorSinceTs") },
        _ => null,
    };

    private static T? Read<T>(Dictionary<string, JsonElement> legacy, string name) =>
        legacy.TryGetValue(name, out var value) ? value.Deserialize<T>(Json) : default;
}
