using System.Text;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>
/// The message a duty group reads (<see cref="AlertDescriber"/>: Chinese first, then English) in
/// DingTalk's markdown subset: a heading with a coloured mark for how urgent it is (DingTalk's
/// documented subset has no font colours), quotes for the facts, and "two spaces, line feed" for a
/// line break, which is how DingTalk breaks a line.
/// </summary>
public sealed class DingTalkMarkdown(AlertDescriber describer)
{
    /// <summary>Where the text is cut. ⚠️ verify: no published byte limit of the markdown text was
    /// found; 4096 bytes like the WeChat Work robot keeps a message to a screen.</summary>
    public const int MaxBytes = 4096;

    private const string Break = "  \n";

    public DingTalkMarkdownContent Render(AlertTransition transition, int reminder)
    {
        var description = describer.Describe(transition, reminder);
        var mark = description.Tone switch
        {
            AlertTone.Critical => "🔴",
            AlertTone.Warning => "🟠",
            _ => "🟢",
        };
        var text = new StringBuilder();
        text.Append($"### {mark} {description.ChineseTitle}\n\n");
        text.AppendJoin(Break, description.Chinese.Select(line => "> " + line));
        text.Append("\n\n");
        text.Append($"**{description.EnglishTitle}** ({description.Severity})\n\n");
        text.AppendJoin(Break, description.English.Select(line => "> " + line));
        return new DingTalkMarkdownContent(description.ChineseTitle, Utf8Cut.ToBytes(text.ToString(), MaxBytes));
    }
}
