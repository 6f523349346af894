using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>The robot's request: <c>{"msgtype":"markdown","markdown":{"title":"…","text":"…"}}</c>; the title is
/// what the conversation list and the notification show, the text the message itself.</summary>
public sealed record DingTalkMessage
{
    [JsonPropertyName("msgtype")]
    public string MessageType { get; init; } = "markdown";

    [JsonPropertyName("markdown")]
    public required DingTalkMarkdownContent Markdown { get; init; }
}

public sealed record DingTalkMarkdownContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(DingTalkMessage))]
public sealed partial class DingTalkJsonContext : JsonSerializerContext;
