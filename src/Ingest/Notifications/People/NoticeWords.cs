using System.Globalization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.People;

/// <summary>
/// The words a message to a person (email, SMS) is made of, Chinese and English: what happened
/// (raised, acknowledged, …, or escalated because nobody acknowledged), how severe, where, and
/// when in Beijing time (UTC+8, no summer time), the time the park's people work by.
/// </summary>
public static class NoticeWords
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string ChineseEvent(AlertNotice notice) => notice.Level > 0 && !notice.IsReminder
        ? $"告警升级（第 {notice.Level} 级）"
        : AlertEvents.Of(notice.Transition, notice.IsReminder) switch
        {
            AlertEvents.Acknowledged => "告警已确认",
            AlertEvents.Cleared => "告警已恢复",
            AlertEvents.Closed => "告警已关闭",
            AlertEvents.Reminder => "告警未确认提醒",
            _ => "告警",
        };

    public static string EnglishEvent(AlertNotice notice) => notice.Level > 0 && !notice.IsReminder
        ? string.Create(CultureInfo.InvariantCulture, $"Escalated alert (level {notice.Level})")
        : AlertEvents.Of(notice.Transition, notice.IsReminder) switch
        {
            AlertEvents.Acknowledged => "Alert acknowledged",
            AlertEvents.Cleared => "Alert cleared",
            AlertEvents.Closed => "Alert closed",
            AlertEvents.Reminder => "Still unacknowledged",
            _ => "Alert raised",
        };

    public static string ChineseSeverity(string severity) => severity switch
    {
        AlertSeverities.Critical => "严重",
        AlertSeverities.Warning => "警告",
        AlertSeverities.Info => "提示",
        _ => severity,
    };

    public static string EnglishSeverity(string severity) => severity switch
    {
        AlertSeverities.Critical => "Critical",
        AlertSeverities.Warning => "Warning",
        AlertSeverities.Info => "Info",
        _ => severity,
    };

    /// <summary>Where: park, enterprise and device (with sensor), as far as the alert names them.</summary>
    public static string Place(AlertDocument alert)
    {
        var parts = new List<string> { alert.Park };
        if (alert.Enterprise is { } enterprise)
            parts.Add(enterprise);
        if (alert.Device is { } device)
            parts.Add(alert.Sensor is null ? device : $"{device}/{alert.Sensor}");
        return string.Join(" / ", parts);
    }

    /// <summary>"12.5 mA, limit 10 mA" style value, or null when the alert carries no value.</summary>
    public static string? Measured(AlertDocument alert, string limitWord) =>
        alert.Value is not { } value ? null
        : alert.Limit is { } limit ? $"{Number(value)} {alert.Unit}".TrimEnd() + $" ({limitWord} {Number(limit)} {alert.Unit})".Replace(" )", ")", StringComparison.Ordinal)
        : $"{Number(value)} {alert.Unit}".TrimEnd();

    public static string BeijingTime(DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") =>
        at.ToOffset(Beijing).ToString(format, CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
