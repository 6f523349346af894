using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MimeKit;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.People;

namespace SmartPark.Ingest.Notifications.Email;

/// <summary>
/// The email one person on duty receives: subject and body in Chinese first, then English; a
/// text/plain part and an HTML part of the same lines, in which everything taken from an alert
/// (titles, ids, device names, comments) is HTML-escaped. The Message-ID is derived from the
/// notice's idempotency key, so a message sent again after a crash carries the same id and a mail
/// client shows it once (and the receiver can tell it is a resend).
/// </summary>
public sealed class EmailContent(IEnterpriseDirectory directory)
{
    public const string IdempotencyHeader = "X-SmartPark-Idempotency-Key";

    // Chinese stays readable in the HTML source; <, >, &, quotes and the like are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public MimeMessage Build(AlertNotice notice, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var person = notice.Recipient ?? throw new ArgumentException("an email goes to one person of the duty roster", nameof(notice));
        var alert = notice.Transition.Alert;
        var lines = Lines(notice);
        var message = new MimeMessage
        {
            Subject = Subject(notice),
            Date = notice.Transition.At,
            MessageId = MessageIdFor(notice.IdempotencyKey, from.Address),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(person.Name, person.Email ?? throw new ArgumentException($"{person.Id} has no email address", nameof(notice))));
        message.Headers.Add(IdempotencyHeader, notice.IdempotencyKey);
        // Critical alarms stand out in the inbox.
        if (alert.Severity == AlertSeverities.Critical && AlertEvents.Of(notice.Transition, notice.IsReminder) is AlertEvents.Raised or AlertEvents.Reminder)
            message.Priority = MessagePriority.Urgent;
        var body = new BodyBuilder
        {
            TextBody = string.Join("\n", lines.Select(l => l.Text)) + "\n",
            HtmlBody = Html(lines),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>"【严重 · 告警】rule · park | [Critical] Alert raised: rule".</summary>
    public static string Subject(AlertNotice notice)
    {
        var alert = notice.Transition.Alert;
        return $"【{NoticeWords.ChineseSeverity(alert.Severity)} · {NoticeWords.ChineseEvent(notice)}】{alert.Rule} · {alert.Park} | [{NoticeWords.EnglishSeverity(alert.Severity)}] {NoticeWords.EnglishEvent(notice)}: {alert.Rule}";
    }

    /// <summary>A Message-ID made only of the idempotency key (letters, digits and '-' kept, anything else as
    /// _XX hex, so distinct keys give distinct ids) at the sender's domain.</summary>
    public static string MessageIdFor(string idempotencyKey, string fromAddress)
    {
        var local = new StringBuilder("smartpark.");
        foreach (var b in Encoding.UTF8.GetBytes(idempotencyKey))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b == '-')
                local.Append((char)b);
            else
                local.Append(CultureInfo.InvariantCulture, $"_{b:X2}");
        }
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        return $"{local}@{domain}";
    }

    private sealed record Line(string Text, bool Heading = false);

    private List<Line> Lines(AlertNotice notice)
    {
        var transition = notice.Transition;
        var alert = transition.Alert;
        var person = notice.Recipient!;
        var enterprise = alert.Enterprise is { } id ? (directory.Find(alert.Park, id)?.Name is { } name ? $"{name} ({id})" : id) : null;
        var device = alert.Device is null ? null : alert.Sensor is null ? alert.Device : $"{alert.Device}/{alert.Sensor}";
        var escalated = notice.Level > 0 && !notice.IsReminder;
        var lines = new List<Line>
        {
            new($"{person.Name}：", true),
            new($"【{NoticeWords.ChineseEvent(notice)}】{alert.Rule}（{NoticeWords.ChineseSeverity(alert.Severity)}）", true),
        };
        if (escalated)
            lines.Add(new($"此告警在规定时间内无人确认，现通知您（值班链第 {notice.Level + 1} 位{(person.Manager ? "，园区负责人" : "")}）。请立即处置并在平台上确认。"));
        lines.Add(new($"规则：{alert.RuleId}{(alert.Safety ? "（安全告警）" : "")}"));
        lines.Add(new($"园区：{alert.Park}{(enterprise is null ? "" : $"　企业：{enterprise}")}"));
        if (device is not null)
            lines.Add(new($"设备：{device}"));
        if (NoticeWords.Measured(alert, "限值") is { } measured)
            lines.Add(new($"测量值：{measured}{(alert.Source is { } source ? $"（{source}）" : "")}"));
        if (AlertEvents.Of(transition, notice.IsReminder) == AlertEvents.Acknowledged && (transition.By ?? alert.AcknowledgedBy) is { } by)
            lines.Add(new($"确认人：{by}"));
        lines.Add(new($"时间：{NoticeWords.BeijingTime(transition.At, "yyyy-MM-dd HH:mm:ss")}（北京时间）　发生于：{NoticeWords.BeijingTime(alert.RaisedAt, "yyyy-MM-dd HH:mm:ss")}"));
        lines.Add(new(""));

        lines.Add(new($"{person.Name}:", true));
        lines.Add(new($"[{NoticeWords.EnglishEvent(notice)}] {alert.Rule} ({NoticeWords.EnglishSeverity(alert.Severity)})", true));
        if (escalated)
            lines.Add(new(string.Create(CultureInfo.InvariantCulture, $"Nobody acknowledged this alert in time, so you are told (number {notice.Level + 1} of the duty chain{(person.Manager ? ", the park's manager" : "")}). Please act on it and acknowledge it on the platform.")));
        lines.Add(new($"Rule: {alert.RuleId}{(alert.Safety ? " (safety alarm)" : "")}"));
        lines.Add(new($"Park {alert.Park}{(enterprise is null ? "" : $", enterprise {enterprise}")}{(device is null ? "" : $", device {device}")}"));
        if (NoticeWords.Measured(alert, "limit") is { } value)
            lines.Add(new($"Measured {value}{(alert.Source is { } source ? $" ({source})" : "")}"));
        if (AlertEvents.Of(transition, notice.IsReminder) == AlertEvents.Acknowledged && (transition.By ?? alert.AcknowledgedBy) is { } who)
            lines.Add(new($"Acknowledged by {who}"));
        lines.Add(new(string.Create(CultureInfo.InvariantCulture, $"At {transition.At.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC, raised {alert.RaisedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC · alert {transition.AlertId} #{transition.Sequence}")));
        return lines;
    }

    private static string Html(List<Line> lines)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n");
        foreach (var line in lines)
        {
            var text = Encoder.Encode(line.Text);
            html.Append(line.Text.Length == 0 ? "<hr>\n" : line.Heading ? $"<p><strong>{text}</strong></p>\n" : $"<p>{text}</p>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }
}
