using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>The robot's request: <c>{"msgtype":"markdown","markdown":{"content":"…"}}</c>.</summary>
public sealed record WeComMessage
{
    [JsonPropertyName("msgtype")]
    public string MessageType { get; init; } = "markdown";

    [JsonPropertyName("markdown")]
    public required WeComMarkdownContent Markdown { get; init; }
}

public sealed record WeComMarkdownContent([property: JsonPropertyName("content")] string Content);

/// <summary>The robot's answer: HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c> when it took the message.</summary>
public sealed record WeComAnswer(
    [property: JsonPropertyName("errcode")] int ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage);

[JsonSerializable(typeof(WeComMessage))]
[JsonSerializable(typeof(WeComAnswer))]
public sealed partial class WeComJsonContext : JsonSerializerContext;
