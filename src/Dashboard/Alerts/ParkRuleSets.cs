using System.Collections.Concurrent;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// The alert rules in force in each park, as Ingest retains them on <c>smartpark/v1/{park}/rules</c>:
/// what the enterprise charts draw as limit lines and the bureau view cites, before any alert.
/// </summary>
public sealed class ParkRuleSets
{
    private readonly ConcurrentDictionary<string, ParkRules> _byPark = new(StringComparer.Ordinal);

    /// <summary>A retained rule set arrived; an empty body removes the park's.</summary>
    public void OnMessage(string park, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            _byPark.TryRemove(park, out _);
            return;
        }
        var rules = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.ParkRules)
            ?? throw new JsonException("empty rule set");
        if (rules.Park != park)
            throw new JsonException($"rule set names park '{rules.Park}' but came on park '{park}''s topic");
        _byPark[park] = rules;
    }

    public ParkRules? Of(string park) => _byPark.GetValueOrDefault(park);

    /// <summary>The kinds of rule Ingest evaluates, with their titles, from the newest rule set
    /// (every park's carries the same list); empty until Ingest has published one.</summary>
    public IReadOnlyList<RuleKindInfo> Kinds() =>
        _byPark.Values.MaxBy(r => r.PublishedAt)?.Kinds ?? [];

    /// <summary>The park's rules that apply to one enterprise: the park-wide versions and the
    /// enterprise's own (and its devices'), with limits only (what a chart can draw).</summary>
    public IReadOnlyList<RuleLimit> LimitsFor(string park, string enterprise) =>
        Of(park) is { } rules
            ? [.. rules.Rules.Where(r => r.Limit is not null && r.Quantity is not null && (r.Enterprise is null || r.Enterprise == enterprise))]
            : [];
}
