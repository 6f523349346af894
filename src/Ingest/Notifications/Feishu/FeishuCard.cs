using System.Text.Json.Nodes;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.Feishu;

/// <summary>
/// The message a duty group reads (<see cref="AlertDescriber"/>: Chinese first, then English) as a
/// Feishu message card (<c>msg_type</c> "interactive"): the header carries the Chinese title in the
/// colour of how urgent it is (red, orange, green), then the Chinese facts, a rule, and the English.
/// The facts are <c>plain_text</c>, so nothing in an alert (a device name, who acknowledged it) is
/// read as card markup such as an @all mention.
/// </summary>
public sealed class FeishuCard(AlertDescriber describer)
{
    /// <summary>Each language's part is cut to this many UTF-8 bytes, well inside Feishu's 20 KB request body.</summary>
    public const int MaxBytesPerLanguage = 4096;

    public JsonObject Render(AlertTransition transition, int reminder)
    {
        var description = describer.Describe(transition, reminder);
        var template = description.Tone switch
        {
            AlertTone.Critical => "red",
            AlertTone.Warning => "orange",
            _ => "green",
        };
        var chinese = Utf8Cut.ToBytes(string.Join('\n', description.Chinese), MaxBytesPerLanguage);
        var english = Utf8Cut.ToBytes($"{description.EnglishTitle} ({description.Severity})\n{string.Join('\n', description.English)}", MaxBytesPerLanguage);
        return new JsonObject
        {
            ["msg_type"] = "interactive",
            ["card"] = new JsonObject
            {
                ["header"] = new JsonObject
                {
                    ["template"] = template,
                    ["title"] = PlainText(Utf8Cut.ToBytes(description.ChineseTitle, 512)),
                },
                ["elements"] = new JsonArray(
                    new JsonObject { ["tag"] = "div", ["text"] = PlainText(chinese) },
                    new JsonObject { ["tag"] = "hr" },
                    new JsonObject { ["tag"] = "div", ["text"] = PlainText(english) }),
            },
        };
    }

    private static JsonObject PlainText(string content) => new() { ["tag"] = "plain_text", ["content"] = content };
}
