using System.Globalization;
using System.Text;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>
/// The message a duty group reads: Chinese first, then the same in English, in the robot's
/// markdown (bold, quotes and its three font colours). Times in Beijing time (UTC+8, no summer
/// time) for the Chinese part and UTC for the English. Cut to the robot's 4096-byte limit.
/// </summary>
public sealed class WeComMarkdown(IEnterpriseDirectory directory)
{
    /// <summary>The robot refuses markdown content longer than this many UTF-8 bytes.</summary>
    public const int MaxBytes = 4096;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public string Render(AlertTransition transition, int reminder)
    {
        var alert = transition.Alert;
        var @event = AlertEvents.Of(transition, reminder > 0 || transition.Reminder);
        var enterprise = alert.Enterprise is { } id ? (directory.Find(alert.Park, id)?.Name is { } name ? $"{name} ({id})" : id) : null;
        var device = alert.Device is null ? null : alert.Sensor is null ? alert.Device : $"{alert.Device}/{alert.Sensor}";
        var colour = @event is AlertEvents.Cleared or AlertEvents.Closed ? "info" : alert.Severity == AlertSeverities.Critical ? "warning" : "comment";
        var text = new StringBuilder();

        text.Append(CultureInfo.InvariantCulture, $"**<font color=\"{colour}\">【{ChineseEvent(@event, reminder)}】</font>{alert.Rule}**\n");
        text.Append(CultureInfo.InvariantCulture, $"> 级别：{ChineseSeverity(alert.Severity)}\n");
        text.Append(CultureInfo.InvariantCulture, $"> 园区：{alert.Park}");
        if (enterprise is not null)
            text.Append(CultureInfo.InvariantCulture, $"　企业：{enterprise}");
        text.Append('\n');
        if (device is not null)
            text.Append(CultureInfo.InvariantCulture, $"> 设备：{device}\n");
        if (Measured(alert) is { } measured)
            text.Append(CultureInfo.InvariantCulture, $"> 测量值：{measured}{(alert.Limit is { } limit ? $"，限值 {Number(limit)} {alert.Unit}" : "")}{(alert.Source is { } source ? $"（{source}）" : "")}\n");
        foreach (var curve in alert.Evidence ?? [])
        {
            if (EvidenceSummary.Of(curve) is { } c)
                text.Append(CultureInfo.InvariantCulture, $"> {curve.Label}：最新 {c.Latest}，{c.Minutes} 分钟内 {c.Min}–{c.Max} {curve.Unit}\n");
        }
        if (@event == AlertEvents.Acknowledged && (transition.By ?? alert.AcknowledgedBy) is { } by)
            text.Append(CultureInfo.InvariantCulture, $"> 确认人：{by}\n");
        text.Append(CultureInfo.InvariantCulture, $"> 时间：{transition.At.ToOffset(Beijing):yyyy-MM-dd HH:mm:ss}（北京时间）\n\n");

        text.Append(CultureInfo.InvariantCulture, $"**[{EnglishEvent(@event, reminder)}] {alert.Rule}** ({alert.Severity})\n");
        text.Append(CultureInfo.InvariantCulture, $"> Park {alert.Park}{(enterprise is null ? "" : $", enterprise {enterprise}")}{(device is null ? "" : $", device {device}")}\n");
        if (Measured(alert) is { } value)
            text.Append(CultureInfo.InvariantCulture, $"> Measured {value}{(alert.Limit is { } limit ? $", limit {Number(limit)} {alert.Unit}" : "")}{(alert.Source is { } source ? $" ({source})" : "")}\n");
        foreach (var curve in alert.Evidence ?? [])
        {
            if (EvidenceSummary.Of(curve) is { } c)
                text.Append(CultureInfo.InvariantCulture, $"> {curve.LabelEn}: latest {c.Latest}, {c.Min}–{c.Max} {curve.Unit} over {c.Minutes} min\n");
        }
        if (@event == AlertEvents.Acknowledged && (transition.By ?? alert.AcknowledgedBy) is { } who)
            text.Append(CultureInfo.InvariantCulture, $"> Acknowledged by {who}\n");
        text.Append(CultureInfo.InvariantCulture, $"> At {transition.At.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC · alert {transition.AlertId} #{transition.Sequence}");
        return Cut(text.ToString());
    }

    private static string? Measured(AlertDocument alert) =>
        alert.Value is { } value ? $"{Number(value)} {alert.Unit}".TrimEnd() : null;

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string ChineseEvent(string @event, int reminder) => @event switch
    {
        AlertEvents.Acknowledged => "告警已确认",
        AlertEvents.Cleared => "告警已恢复",
        AlertEvents.Closed => "告警已关闭",
        AlertEvents.Reminder => reminder > 0 ? $"告警未确认提醒 {reminder}" : "告警未确认提醒",
        _ => "告警",
    };

    private static string EnglishEvent(string @event, int reminder) => @event switch
    {
        AlertEvents.Acknowledged => "Alert acknowledged",
        AlertEvents.Cleared => "Alert cleared",
        AlertEvents.Closed => "Alert closed",
        AlertEvents.Reminder => reminder > 0 ? $"Still unacknowledged, reminder {reminder}" : "Still unacknowledged",
        _ => "Alert raised",
    };

    private static string ChineseSeverity(string severity) => severity switch
    {
        AlertSeverities.Critical => "严重",
        AlertSeverities.Warning => "警告",
        AlertSeverities.Info => "提示",
        _ => severity,
    };

    /// <summary>Cuts at a character boundary so the UTF-8 stays within <see cref="MaxBytes"/>.</summary>
    private static string Cut(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes)
            return text;
        const string More = "…";
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(More);
        var length = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget)
                break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return text[..length] + More;
    }
}
