using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications.ChatRobots;

namespace SmartPark.Ingest.Notifications.Feishu;

/// <summary>
/// One POST of a stored message to the robot and how it went: <c>code</c> 0 is delivered, anything
/// else a failure retried like any other. The signature lives in the body, but the stored body never
/// changes: <c>timestamp</c> and <c>sign</c> are added to a copy at each attempt, with the time of
/// that attempt, so a message that waited out an hour-long outage is not refused as stale.
/// </summary>
public sealed class FeishuRobotSender(IHttpClientFactory clients, IOptions<FeishuRobotOptions> options, TimeProvider time)
{
    public const string HttpClientName = "feishu-robot";

    // "11232": too many messages for the moment (the 100 a minute, 5 a second, or busy hours).
    private const int FrequencyLimited = 11232;

    private readonly FeishuRobotOptions _options = options.Value;

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var body = _options.Signed ? Signed(item.Body, _options.Secret!, time.GetUtcNow().ToUnixTimeSeconds()) : item.Body;
        return ChatRobotPost.SendAsync(clients.CreateClient(HttpClientName), _options.Url!, body, _options.RequestTimeout, Judge, cancellationToken);
    }

    /// <summary>The stored message with <c>timestamp</c> and <c>sign</c> in front of its own fields.</summary>
    public static byte[] Signed(byte[] stored, string secret, long timestampSeconds)
    {
        var message = JsonNode.Parse(stored)!.AsObject();
        var signed = new JsonObject
        {
            ["timestamp"] = timestampSeconds.ToString(CultureInfo.InvariantCulture),
            ["sign"] = FeishuSignature.Sign(secret, timestampSeconds),
        };
        foreach (var (name, value) in message.ToList())
        {
            message.Remove(name);
            signed[name] = value;
        }
        return JsonSerializer.SerializeToUtf8Bytes(signed);
    }

    /// <summary>What the robot's answer means: <c>{"code":0,"msg":"success"}</c> (older robots:
    /// <c>{"StatusCode":0,"StatusMessage":"success"}</c>). 19021 (signature or timestamp), 19022 (IP),
    /// 19024 (keywords) and other codes are misconfiguration: logged as errors, still retried.</summary>
    public static DeliveryResult Judge(int status, JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
            return new DeliveryResult(false, status, "unreadable answer", false, null);
        int code;
        string? message;
        if (answer.TryGetProperty("code", out var c) && c.TryGetInt32(out code))
            message = answer.TryGetProperty("msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        else if (answer.TryGetProperty("StatusCode", out var s) && s.TryGetInt32(out code))
            message = answer.TryGetProperty("StatusMessage", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        else
            return new DeliveryResult(false, status, "unreadable answer", false, null);
        if (code == 0)
            return DeliveryResult.Ok(status);
        var reason = string.Create(CultureInfo.InvariantCulture, $"code {code} ({ChatRobotPost.Summary(message)})");
        return new DeliveryResult(false, status, reason, code != FrequencyLimited, null);
    }
}
