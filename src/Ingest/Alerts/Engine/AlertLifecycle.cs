using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Quantities;
using SmartPark.Ingest.Alerts.Rules;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// Turns rule conditions into alerts: one open alert per (rule, scope); <c>active</c> →
/// <c>acknowledged</c> → <c>cleared</c> (condition false for the rule's hold-off) → <c>closed</c>.
/// While open, new occurrences raise the count and peak of the same alert. Every transition goes
/// to <see cref="EngineState.Pending"/>, from where the engine publishes it.
/// </summary>
public sealed class AlertLifecycle(EngineState state)
{
    /// <summary>Records the rule's verdict for a scope: <paramref name="met"/> null means "no verdict".</summary>
    public void Apply(AlertRule rule, AlertScope scope, bool? met, double? value, DateTimeOffset now) =>
        Apply(rule, scope, Key(rule.Id, scope), met, value, now);

    /// <summary>As above, with the condition's key (<see cref="Key"/>) already worked out, and the
    /// rule's <paramref name="evidence"/> (if it keeps any): attached when the alert is raised and
    /// refreshed, when it changed, on every later verdict while the alert is open.</summary>
    public void Apply(AlertRule rule, AlertScope scope, string key, bool? met, double? value, DateTimeOffset now, IAlertEvidence? evidence = null)
    {
        if (met is null)
            return;
        if (!state.Conditions.TryGetValue(key, out var condition))
            state.AddCondition(key, condition = new ConditionMemory { RuleId = rule.Id, Park = scope.Park, Enterprise = scope.Enterprise });
        condition.Met = met.Value;
        state.Alerts.TryGetValue(key, out var alert);
        if (alert is not null && evidence is not null)
            RefreshEvidence(alert, evidence);
        if (met.Value)
        {
            condition.LastMetAt = now;
            if (alert is null)
                Raise(rule, scope, key, value, now, evidence);
            else
                Recur(alert, value, now);
        }
        else if (alert is not null)
        {
            // Value is always the latest judged value, so a cleared alert shows what cleared it.
            if (value is { } latest && latest != alert.Document.Value)
            {
                alert.Document = alert.Document with { Value = latest };
                alert.DocumentDirty = true;
            }
            alert.ConditionFalseSince ??= now;
            Advance(rule, key, alert, now);
        }
    }

    /// <summary>Time-driven steps: clear after the hold-off, close after the close delay.</summary>
    public void Advance(AlertRule rule, string key, OpenAlert alert, DateTimeOffset now)
    {
        var doc = alert.Document;
        if (doc.State is AlertStates.Active or AlertStates.Acknowledged
            && alert.ConditionFalseSince is { } falseSince && now - falseSince >= rule.HoldOff)
        {
            Transition(alert, doc with { State = AlertStates.Cleared, ClearedAt = now, UpdatedAt = now }, now);
            doc = alert.Document;
        }
        var acknowledgedOrNotNeeded = doc.AcknowledgedAt is not null || !rule.RequiresAck;
        if (doc.State == AlertStates.Cleared && acknowledgedOrNotNeeded && now - doc.ClearedAt!.Value >= rule.CloseAfter)
            Close(key, alert, now, by: null, comment: null);
    }

    /// <summary>A person acknowledged the alert: active → acknowledged, or cleared → closed.</summary>
    public string Acknowledge(string alertId, AlertAck ack, DateTimeOffset now)
    {
        var (key, alert) = state.Alerts.FirstOrDefault(a => a.Value.Document.AlertId == alertId);
        if (alert is null)
            return "unknown or already closed";
        var doc = alert.Document with { AcknowledgedAt = now, AcknowledgedBy = ack.By, AckComment = ack.Comment, UpdatedAt = now };
        switch (alert.Document.State)
        {
            case AlertStates.Active:
                Transition(alert, doc with { State = AlertStates.Acknowledged }, now, ack.By, ack.Comment);
                return "acknowledged";
            case AlertStates.Cleared:
                alert.Document = doc;
                Close(key, alert, now, ack.By, ack.Comment);
                return "closed";
            default:
                return "already acknowledged";
        }
    }

    /// <summary>The bureau has received a bureau alert: recorded on its document, state unchanged.</summary>
    public string ConfirmReceipt(string alertId, AlertAck receipt, DateTimeOffset now)
    {
        var alert = state.Alerts.Values.FirstOrDefault(a => a.Document.AlertId == alertId);
        if (alert is null)
            return "unknown or already closed";
        if (!alert.Document.Bureau)
            return "not a bureau alert: receipt not recorded";
        if (alert.Document.BureauReceivedAt is not null)
            return "receipt already recorded";
        alert.Document = alert.Document with { BureauReceivedAt = now, BureauReceivedBy = receipt.By, UpdatedAt = now };
        alert.DocumentDirty = true;
        return "receipt recorded";
    }

    public static string Key(string ruleId, AlertScope scope) => ruleId + "|" + scope.Key;

    /// <summary>New curves into the document (published with its next refresh or transition).</summary>
    private static void RefreshEvidence(OpenAlert alert, IAlertEvidence evidence)
    {
        var version = evidence.Version;
        if (alert.EvidenceVersion == version)
            return;
        alert.Document = alert.Document with { Evidence = evidence.Curves() };
        alert.EvidenceVersion = version;
        alert.DocumentDirty = true;
    }

    private void Raise(AlertRule rule, AlertScope scope, string key, double? value, DateTimeOffset now, IAlertEvidence? evidence)
    {
        var quantity = rule.Quantity is { } q && QuantityCatalogue.TryGet(q, out var found) ? found : null;
        var doc = new AlertDocument
        {
            AlertId = scope.NewAlertId(rule.Id, now),
            RuleId = rule.Id,
            Rule = rule.Title,
            Kind = rule.Kind,
            Severity = rule.Severity,
            Bureau = rule.Bureau,
            Safety = rule.Safety,
            State = AlertStates.Active,
            Park = scope.Park,
            Enterprise = scope.Enterprise,
            Device = scope.Device,
            Sensor = scope.Sensor,
            Quantity = rule.Quantity,
            Unit = rule.Settings is { } kind ? kind.AlertUnit(quantity?.Unit) : quantity?.Unit,
            Limit = rule.Settings?.AlertLimit,
            Averaging = rule.Averaging,
            Source = rule.Source,
            Message = rule.Description ?? rule.Title,
            Value = value,
            Peak = value,
            Occurrences = 1,
            RaisedAt = now,
            UpdatedAt = now,
            Evidence = evidence?.Curves(),
        };
        var alert = new OpenAlert { Document = doc, EvidenceVersion = evidence?.Version };
        state.Alerts[key] = alert;
        Emit(alert, from: null, now, by: null, comment: null);
    }

    private void Recur(OpenAlert alert, double? value, DateTimeOffset now)
    {
        alert.ConditionFalseSince = null;
        var doc = alert.Document;
        var peak = value is { } v && (doc.Peak is null || v > doc.Peak) ? v : doc.Peak;
        var updated = doc with { Value = value ?? doc.Value, Peak = peak, Occurrences = doc.Occurrences + 1, UpdatedAt = now };
        if (doc.State == AlertStates.Cleared)
        {
            // Back before it closed: the same episode, active again and needing a new acknowledgement.
            Transition(alert, updated with { State = AlertStates.Active, ClearedAt = null, AcknowledgedAt = null, AcknowledgedBy = null, AckComment = null }, now);
            return;
        }
        alert.Document = updated;
        alert.DocumentDirty = true;
    }

    private void Close(string key, OpenAlert alert, DateTimeOffset now, string? by, string? comment)
    {
        Transition(alert, alert.Document with { State = AlertStates.Closed, ClosedAt = now, UpdatedAt = now }, now, by, comment);
        state.Alerts.Remove(key);
    }

    private void Transition(OpenAlert alert, AlertDocument next, DateTimeOffset now, string? by = null, string? comment = null)
    {
        var from = alert.Document.State;
        alert.Document = next;
        Emit(alert, from, now, by, comment);
    }

    private void Emit(OpenAlert alert, string? from, DateTimeOffset now, string? by, string? comment)
    {
        alert.Sequence++;
        alert.DocumentDirty = false;
        state.Pending.Add(new AlertTransition
        {
            AlertId = alert.Document.AlertId,
            Sequence = alert.Sequence,
            From = from,
            To = alert.Document.State,
            At = now,
            By = by,
            Comment = comment,
            Alert = alert.Document,
        });
    }
}
