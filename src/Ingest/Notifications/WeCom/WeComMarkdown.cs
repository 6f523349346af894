using System.Text;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>
/// The message a duty group reads (<see cref="AlertDescriber"/>: Chinese first, then the same in
/// English) in the WeChat Work robot's markdown: bold, quotes and its three font colours. Cut to the
/// robot's 4096-byte limit.
/// </summary>
public sealed class WeComMarkdown(AlertDescriber describer)
{
    /// <summary>The robot refuses markdown content longer than this many UTF-8 bytes.</summary>
    public const int MaxBytes = 4096;

    public string Render(AlertTransition transition, int reminder)
    {
        var description = describer.Describe(transition, reminder);
        var colour = description.Tone switch
        {
            AlertTone.Resolved => "info",
            AlertTone.Critical => "warning",
            _ => "comment",
        };
        var text = new StringBuilder();
        text.Append($"**<font color=\"{colour}\">【{description.ChineseEvent}】</font>{description.Rule}**\n");
        foreach (var line in description.Chinese)
            text.Append("> ").Append(line).Append('\n');
        text.Append('\n');
        text.Append($"**{description.EnglishTitle}** ({description.Severity})\n");
        text.AppendJoin('\n', description.English.Select(line => "> " + line));
        return Utf8Cut.ToBytes(text.ToString(), MaxBytes);
    }
}
