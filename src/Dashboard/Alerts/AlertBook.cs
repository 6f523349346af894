using System.Collections.Concurrent;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// The open alerts, exactly as the retained MQTT documents say (Ingest is the one source of
/// truth; an empty retained body means the alert closed). Every Dashboard instance builds the
/// same book from the broker, so instances agree without talking to each other.
/// </summary>
public sealed class AlertBook
{
    private readonly ConcurrentDictionary<(string Park, string AlertId), AlertDocument> _open = new();

    /// <summary>Takes a document in; null removes the alert. False when it changed nothing (an older document).</summary>
    public bool Apply(string park, string alertId, AlertDocument? document)
    {
        if (document is null || !AlertStates.IsOpen(document.State))
            return _open.TryRemove((park, alertId), out _);
        var applied = false;
        _open.AddOrUpdate((park, alertId), _ => { applied = true; return document; }, (_, current) =>
        {
            // A late duplicate must not roll the state back.
            applied = document.UpdatedAt >= current.UpdatedAt;
            return applied ? document : current;
        });
        return applied;
    }

    public bool TryGet(string park, string alertId, out AlertDocument document) =>
        _open.TryGetValue((park, alertId), out document!);

    /// <summary>Open alerts matching the filter, worst and newest first.</summary>
    public IReadOnlyList<AlertDocument> Open(Func<AlertDocument, bool> include) =>
        _open.Values.Where(include)
            .OrderByDescending(a => AlertSeverities.Rank(a.Severity))
            .ThenByDescending(a => a.RaisedAt)
            .ToList();
}
