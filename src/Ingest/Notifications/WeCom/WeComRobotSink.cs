using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>
/// A WeChat Work group robot as a sink: routed by severity, rule kind, park and state from
/// <see cref="WeComRobotOptions"/>, rendered as bilingual markdown (<see cref="WeComMarkdown"/>),
/// sent by <see cref="WeComRobotSender"/>. The robot has no idempotency key, so a crash between its
/// answer and the outbox update can repeat a message once; the outbox makes sure none is lost.
/// </summary>
public sealed class WeComRobotSink(IOptions<WeComRobotOptions> options, WeComMarkdown markdown, WeComRobotSender sender) : IAlertSink
{
    public const string Name = "wecom";
    public const string HealthCheckName = "wecom-robot";

    private readonly WeComRobotOptions _options = options.Value;

    public AlertSinkOptions Options => _options;

    // Host and path only: the query is the robot's key.
    public string Destination => _options.Url is { IsAbsoluteUri: true } url ? $"{url.GetLeftPart(UriPartial.Path)} (key not shown)" : "nowhere";

    public string DisabledReason => "Notifications:WeCom:Url is not set, so no WeChat Work group hears of alerts";

    public string MisconfigurationHint => "check Notifications:WeCom:Url against the group robot's webhook address (the robot may have been removed)";

    public bool Routes(AlertTransition transition) => _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice)
    {
        var message = new WeComMessage { Markdown = new WeComMarkdownContent(markdown.Render(notice.Transition, notice.Reminder)) };
        return new SinkMessage(
            notice.IdempotencyKey,
            JsonSerializer.SerializeToUtf8Bytes(message, WeComJsonContext.Default.WeComMessage),
            AlertEvents.Of(notice.Transition, notice.IsReminder));
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => sender.SendAsync(item, cancellationToken);
}
