using System.Globalization;
using System.Text;
using SmartPark.Ingest.Notifications.People;

namespace SmartPark.Ingest.Notifications.Sms;

/// <summary>
/// The text of one SMS: what happened, where, and which rule, Chinese first then English, cut to
/// fit <c>MaxSegments</c> concatenated segments. Chinese makes a message UCS-2: 70 characters fit
/// one segment, and a message of several carries 67 per segment (the rest is the concatenation
/// header), so two segments hold 134 characters. The English half is what gets cut.
/// </summary>
public static class SmsText
{
    public const int SingleSegment = 70;
    public const int PerSegment = 67;

    public static int Budget(int segments) => segments <= 1 ? SingleSegment : segments * PerSegment;

    public static string Render(AlertNotice notice, int segments)
    {
        var alert = notice.Transition.Alert;
        var place = NoticeWords.Place(alert);
        var escalated = notice.Level > 0 && !notice.IsReminder;
        var chinese = new StringBuilder();
        chinese.Append(CultureInfo.InvariantCulture, $"【园区{NoticeWords.ChineseSeverity(alert.Severity)}{NoticeWords.ChineseEvent(notice)}】{place} 规则{alert.RuleId}");
        if (NoticeWords.Measured(alert, "限") is { } measured)
            chinese.Append(CultureInfo.InvariantCulture, $" {measured}");
        chinese.Append(CultureInfo.InvariantCulture, $" {NoticeWords.BeijingTime(alert.RaisedAt, "HH:mm")}");
        chinese.Append(escalated ? "，无人确认，请速处置。" : "。");
        var english = new StringBuilder();
        english.Append(CultureInfo.InvariantCulture, $"{NoticeWords.EnglishSeverity(alert.Severity)} {NoticeWords.EnglishEvent(notice).ToLowerInvariant()}: {alert.Rule} at {place}");
        english.Append(escalated ? ", unacknowledged, act now." : ".");
        return Cut(chinese + english.ToString(), Budget(segments));
    }

    /// <summary>Cuts at a character (not a surrogate half) so the text is at most <paramref name="budget"/> UTF-16 units.</summary>
    public static string Cut(string text, int budget)
    {
        if (text.Length <= budget)
            return text;
        var length = budget - 1;
        if (char.IsHighSurrogate(text[length - 1]))
            length--;
        return text[..length] + "…";
    }
}
