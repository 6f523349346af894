using System.Globalization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Wording;

/// <summary>How urgent a message looks: the colour a chat gives its title.</summary>
public enum AlertTone
{
    /// <summary>A critical alert raised, acknowledged or reminded of.</summary>
    Critical,

    /// <summary>Any other alert that is still open.</summary>
    Warning,

    /// <summary>Cleared or closed: nothing to do any more.</summary>
    Resolved,
}

/// <summary>
/// What a duty group is told of an alert, once for every chat channel (WeChat Work, DingTalk,
/// Feishu): the event and rule for the title, then the facts, Chinese first and the same in
/// English, as plain lines. Each channel only dresses these in its own markup, so a change to what
/// an alert says is made here and reaches every group alike.
/// </summary>
public sealed record AlertDescription(
    string Event,
    AlertTone Tone,
    string Rule,
    string Severity,
    string ChineseEvent,
    string EnglishEvent,
    IReadOnlyList<string> Chinese,
    IReadOnlyList<string> English)
{
    /// <summary>【告警】In-plant NMHC, 1-hour mean</summary>
    public string ChineseTitle => $"【{ChineseEvent}】{Rule}";

    /// <summary>[Alert raised] In-plant NMHC, 1-hour mean</summary>
    public string EnglishTitle => $"[{EnglishEvent}] {Rule}";
}

/// <summary>Builds the <see cref="AlertDescription"/> of a transition or of its n-th reminder. Times in
/// Beijing time (UTC+8, no summer time) for the Chinese lines and UTC for the English.</summary>
public sealed class AlertDescriber(IEnterpriseDirectory directory)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public AlertDescription Describe(AlertTransition transition, int reminder)
    {
        var alert = transition.Alert;
        var @event = AlertEvents.Of(transition, reminder > 0 || transition.Reminder);
        var enterprise = alert.Enterprise is { } id ? (directory.Find(alert.Park, id)?.Name is { } name ? $"{name} ({id})" : id) : null;
        var device = alert.Device is null ? null : alert.Sensor is null ? alert.Device : $"{alert.Device}/{alert.Sensor}";
        var tone = @event is AlertEvents.Cleared or AlertEvents.Closed ? AlertTone.Resolved : alert.Severity == AlertSeverities.Critical ? AlertTone.Critical : AlertTone.Warning;
        var acknowledgedBy = @event == AlertEvents.Acknowledged ? transition.By ?? alert.AcknowledgedBy : null;
        var measured = alert.Value is { } value ? $"{Number(value)} {alert.Unit}".TrimEnd() : null;
        var evidence = (alert.Evidence ?? []).Select(curve => (curve, summary: EvidenceSummary.Of(curve))).Where(e => e.summary is not null).ToList();

        var chinese = new List<string> { $"级别：{ChineseSeverity(alert.Severity)}", $"园区：{alert.Park}{(enterprise is null ? "" : $"　企业：{enterprise}")}" };
        if (device is not null)
            chinese.Add($"设备：{device}");
        if (measured is not null)
            chinese.Add($"测量值：{measured}{(alert.Limit is { } limit ? $"，限值 {Number(limit)} {alert.Unit}" : "")}{(alert.Source is { } source ? $"（{source}）" : "")}");
        foreach (var (curve, c) in evidence)
            chinese.Add($"{curve.Label}：最新 {c!.Latest}，{c.Minutes} 分钟内 {c.Min}–{c.Max} {curve.Unit}");
        if (acknowledgedBy is not null)
            chinese.Add($"确认人：{acknowledgedBy}");
        chinese.Add(string.Create(CultureInfo.InvariantCulture, $"时间：{transition.At.ToOffset(Beijing):yyyy-MM-dd HH:mm:ss}（北京时间）"));

        var english = new List<string> { $"Park {alert.Park}{(enterprise is null ? "" : $", enterprise {enterprise}")}{(device is null ? "" : $", device {device}")}" };
        if (measured is not null)
            english.Add($"Measured {measured}{(alert.Limit is { } limit ? $", limit {Number(limit)} {alert.Unit}" : "")}{(alert.Source is { } source ? $" ({source})" : "")}");
        foreach (var (curve, c) in evidence)
            english.Add($"{curve.LabelEn}: latest {c!.Latest}, {c.Min}–{c.Max} {curve.Unit} over {c.Minutes} min");
        if (acknowledgedBy is not null)
            english.Add($"Acknowledged by {acknowledgedBy}");
        english.Add(string.Create(CultureInfo.InvariantCulture, $"At {transition.At.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC · alert {transition.AlertId} #{transition.Sequence}"));

        return new AlertDescription(@event, tone, alert.Rule, alert.Severity, ChineseEvent(@event, reminder), EnglishEvent(@event, reminder), chinese, english);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string ChineseEvent(string @event, int reminder) => @event switch
    {
        AlertEvents.Acknowledged => "告警已确认",
        AlertEvents.Cleared => "告警已恢复",
        AlertEvents.Closed => "告警已关闭",
        AlertEvents.Reminder => reminder > 0 ? string.Create(CultureInfo.InvariantCulture, $"告警未确认提醒 {reminder}") : "告警未确认提醒",
        _ => "告警",
    };

    private static string EnglishEvent(string @event, int reminder) => @event switch
    {
        AlertEvents.Acknowledged => "Alert acknowledged",
        AlertEvents.Cleared => "Alert cleared",
        AlertEvents.Closed => "Alert closed",
        AlertEvents.Reminder => reminder > 0 ? string.Create(CultureInfo.InvariantCulture, $"Still unacknowledged, reminder {reminder}") : "Still unacknowledged",
        _ => "Alert raised",
    };

    private static string ChineseSeverity(string severity) => severity switch
    {
        AlertSeverities.Critical => "严重",
        AlertSeverities.Warning => "警告",
        AlertSeverities.Info => "提示",
        _ => severity,
    };
}
