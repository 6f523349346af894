using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>
/// A DingTalk custom group robot as a sink: routed by <see cref="DingTalkRobotOptions"/> (severity,
/// kind, rule, park, enterprise, state, safety only, hours), rendered as bilingual markdown
/// (<see cref="DingTalkMarkdown"/>), signed and sent by <see cref="DingTalkRobotSender"/>. The robot
/// has no idempotency key, so a crash between its answer and the outbox update can repeat a
/// message once; the outbox makes sure none is lost.
/// </summary>
public sealed class DingTalkRobotSink(IOptions<DingTalkRobotOptions> options, DingTalkMarkdown markdown, DingTalkRobotSender sender) : IAlertSink
{
    public const string Name = "dingtalk";
    public const string HealthCheckName = "dingtalk-robot";

    private readonly DingTalkRobotOptions _options = options.Value;

    public AlertSinkOptions Options => _options;

    // Host and path only: the query is the robot's access token.
    public string Destination => _options.Url is { IsAbsoluteUri: true } url
        ? $"{url.GetLeftPart(UriPartial.Path)} (access token not shown, {(_options.Signed ? "signed" : "unsigned")})"
        : "nowhere";

    public string DisabledReason => $"{DingTalkRobotOptions.SectionName}:Url is not set, so no DingTalk group hears of alerts";

    public string MisconfigurationHint => $"check {DingTalkRobotOptions.SectionName}:Url and :Secret against the group robot's webhook and 加签 secret, its keywords and IP allow-list (the robot may have been removed)";

    public bool Routes(AlertTransition transition) => _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice)
    {
        var message = new DingTalkMessage { Markdown = markdown.Render(notice.Transition, notice.Reminder) };
        return new SinkMessage(
            notice.IdempotencyKey,
            JsonSerializer.SerializeToUtf8Bytes(message, DingTalkJsonContext.Default.DingTalkMessage),
            AlertEvents.Of(notice.Transition, notice.IsReminder));
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => sender.SendAsync(item, cancellationToken);
}
