using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications.ChatRobots;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>
/// One POST of a stored message to the robot, signed with the time of this attempt (a message that
/// waited out an hour-long outage still carries a fresh timestamp; the stored bytes never change),
/// and how it went: <c>errcode</c> 0 is delivered, anything else a failure retried like any other.
/// </summary>
public sealed class DingTalkRobotSender(IHttpClientFactory clients, IOptions<DingTalkRobotOptions> options, TimeProvider time)
{
    public const string HttpClientName = "dingtalk-robot";

    // Answers that go away by waiting: "system busy", and "send too fast, exceed 20 times per
    // minute", after which the robot stays throttled for ten minutes.
    private const int SystemBusy = -1;
    private const int TooFast = 130101;
    private static readonly TimeSpan Throttled = TimeSpan.FromMinutes(10);

    private readonly DingTalkRobotOptions _options = options.Value;

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var url = _options.Signed
            ? DingTalkSignature.SignedUrl(_options.Url!, _options.Secret!, time.GetUtcNow().ToUnixTimeMilliseconds())
            : _options.Url!;
        return ChatRobotPost.SendAsync(clients.CreateClient(HttpClientName), url, item.Body, _options.RequestTimeout, Judge, cancellationToken);
    }

    /// <summary>What the robot's answer means; <c>errcode</c> 310000 (signature, keyword or IP refused) and
    /// 300001 (no such token) are misconfiguration: logged as errors, still retried.</summary>
    public static DeliveryResult Judge(int status, JsonElement answer)
    {
        // No errcode is no answer at all: never taken for a 0.
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("errcode", out var errcode) || !errcode.TryGetInt32(out var code))
            return new DeliveryResult(false, status, "unreadable answer", false, null);
        if (code == 0)
            return DeliveryResult.Ok(status);
        var message = answer.TryGetProperty("errmsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var reason = string.Create(CultureInfo.InvariantCulture, $"errcode {code} ({ChatRobotPost.Summary(message)})");
        return new DeliveryResult(false, status, reason, code is not (SystemBusy or TooFast), code == TooFast ? Throttled : null);
    }
}
