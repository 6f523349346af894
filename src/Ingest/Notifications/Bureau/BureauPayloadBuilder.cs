using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>Turns an alert transition into what the bureau receives, with the enterprise's
/// registry details looked up at that moment.</summary>
public sealed class BureauPayloadBuilder(IEnterpriseDirectory directory)
{
    /// <param name="transition">The transition, as the engine made it.</param>
    /// <param name="reminder">0 for a transition, n for the n-th reminder of it.</param>
    public BureauNotification Build(AlertTransition transition, int reminder = 0)
    {
        var alert = transition.Alert;
        var isReminder = reminder > 0 || transition.Reminder;
        var acknowledging = transition.To == AlertStates.Acknowledged && !isReminder;
        return new BureauNotification
        {
            Event = AlertEvents.Of(transition, isReminder),
            AlertId = transition.AlertId,
            Sequence = transition.Sequence,
            Reminder = reminder > 0 ? reminder : null,
            IdempotencyKey = reminder > 0
                ? IdempotencyKeys.ForReminder(transition.AlertId, transition.Sequence, reminder)
                : IdempotencyKeys.For(transition.AlertId, transition.Sequence),
            State = transition.To,
            From = isReminder ? null : transition.From,
            At = transition.At,
            RuleId = alert.RuleId,
            RuleTitle = alert.Rule,
            RuleKind = alert.Kind,
            Severity = alert.Severity,
            Message = alert.Message,
            Park = alert.Park,
            Enterprise = alert.Enterprise is { } id ? Enterprise(alert.Park, id) : null,
            Device = alert.Device,
            Sensor = alert.Sensor,
            Quantity = alert.Quantity,
            Unit = alert.Unit,
            Limit = alert.Limit,
            LimitSource = alert.Source,
            Averaging = alert.Averaging,
            Measured = alert.Value,
            Peak = alert.Peak,
            Occurrences = alert.Occurrences,
            Evidence = alert.Evidence is { Count: > 0 } evidence ? evidence : null,
            RaisedAt = alert.RaisedAt,
            // The acknowledging transition names the person even if the document lags behind it.
            AcknowledgedAt = alert.AcknowledgedAt ?? (acknowledging ? transition.At : null),
            AcknowledgedBy = alert.AcknowledgedBy ?? (acknowledging ? transition.By : null),
            AckComment = alert.AckComment ?? (acknowledging ? transition.Comment : null),
            ClearedAt = alert.ClearedAt,
            ClosedAt = alert.ClosedAt,
        };
    }

    private BureauEnterprise Enterprise(string park, string id)
    {
        var details = directory.Find(park, id);
        return new BureauEnterprise(id, details?.Name, details?.Industry, details?.RenovationStatus);
    }
}
