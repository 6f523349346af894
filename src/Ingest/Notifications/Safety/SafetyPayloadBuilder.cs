using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications.Safety;

/// <summary>Turns a safety alarm's transition into what the authorities receive, with the enterprise's
/// name and the park's duty chain as they are at that moment.</summary>
public sealed class SafetyPayloadBuilder(IEnterpriseDirectory directory, IDutyRoster roster)
{
    public SafetyNotification Build(AlertNotice notice)
    {
        var transition = notice.Transition;
        var alert = transition.Alert;
        var acknowledging = transition.To == AlertStates.Acknowledged && !notice.IsReminder;
        var chain = roster.ChainAt(alert.Park, transition.At);
        return new SafetyNotification
        {
            Event = AlertEvents.Of(transition, notice.IsReminder),
            AlertId = transition.AlertId,
            Sequence = transition.Sequence,
            Reminder = notice.Reminder > 0 ? notice.Reminder : null,
            IdempotencyKey = notice.IdempotencyKey,
            State = transition.To,
            From = notice.IsReminder ? null : transition.From,
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
            Measured = alert.Value,
            Peak = alert.Peak,
            Occurrences = alert.Occurrences,
            RaisedAt = alert.RaisedAt,
            // The acknowledging transition names the person even if the document lags behind it.
            AcknowledgedAt = alert.AcknowledgedAt ?? (acknowledging ? transition.At : null),
            AcknowledgedBy = alert.AcknowledgedBy ?? (acknowledging ? transition.By : null),
            AckComment = alert.AckComment ?? (acknowledging ? transition.Comment : null),
            ClearedAt = alert.ClearedAt,
            ClosedAt = alert.ClosedAt,
            OnDuty = chain.Count == 0 ? null : [.. chain.Select(p => new SafetyContact(p.Name, p.Phone, p.Manager))],
        };
    }

    private SafetyEnterprise Enterprise(string park, string id)
    {
        var details = directory.Find(park, id);
        return new SafetyEnterprise(id, details?.Name, details?.Industry);
    }
}
