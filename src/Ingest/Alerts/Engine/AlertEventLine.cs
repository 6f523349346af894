using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>
/// A transition as a point of measurement <c>alert_event</c>. Tags are only bounded values (park,
/// enterprise, device, sensor, rule, kind, severity, the new state); the alert id, people and
/// comments are fields, never tags.
/// </summary>
public static class AlertEventLine
{
    public const string Measurement = "alert_event";

    public static string From(AlertTransition t)
    {
        var a = t.Alert;
        var point = PointData.Measurement(Measurement)
            .Tag("park", a.Park)
            .Tag("enterprise", a.Enterprise)
            .Tag("device", a.Device)
            .Tag("sensor", a.Sensor)
            .Tag("rule", a.RuleId)
            .Tag("kind", a.Kind)
            .Tag("severity", a.Severity)
            .Tag("state", t.Reminder ? "reminder" : t.To)
            .Field("alert_id", t.AlertId)
            .Field("seq", t.Sequence)
            .Field("from", t.From)
            .Field("occurrences", a.Occurrences)
            .Field("bureau", a.Bureau)
            .Field("safety", a.Safety)
            .Field("by", t.By)
            .Field("comment", t.Comment)
            // What was measured against which standard, so reports of past alerts need no rule lookup.
            .Field("quantity", a.Quantity)
            .Field("unit", a.Unit)
            .Field("source", a.Source)
            .Timestamp(t.At.ToUnixTimeMilliseconds(), WritePrecision.Ms);
        if (a.Value is { } value)
            point = point.Field("value", value);
        if (a.Peak is { } peak)
            point = point.Field("peak", peak);
        if (a.Limit is { } limit)
            point = point.Field("limit", limit);
        return point.ToLineProtocol();
    }
}
