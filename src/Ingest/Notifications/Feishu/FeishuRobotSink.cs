using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Feishu;

/// <summary>
/// A Feishu / Lark custom group robot as a sink: routed by <see cref="FeishuRobotOptions"/> (severity,
/// kind, rule, park, enterprise, state, safety only, hours), rendered as a bilingual message card
/// (<see cref="FeishuCard"/>), signed and sent by <see cref="FeishuRobotSender"/>. The robot has no
/// idempotency key, so a crash between its answer and the outbox update can repeat a message once;
/// the outbox makes sure none is lost.
/// </summary>
public sealed class FeishuRobotSink(IOptions<FeishuRobotOptions> options, FeishuCard card, FeishuRobotSender sender) : IAlertSink
{
    public const string Name = "feishu";
    public const string HealthCheckName = "feishu-robot";

    private readonly FeishuRobotOptions _options = options.Value;

    public AlertSinkOptions Options => _options;

    // Host only: the path ends in the robot's hook token.
    public string Destination => _options.Url is { IsAbsoluteUri: true } url
        ? $"{url.GetLeftPart(UriPartial.Authority)}{FeishuRobotOptions.HookPath}… (token not shown, {(_options.Signed ? "signed" : "unsigned")})"
        : "nowhere";

    public string DisabledReason => $"{FeishuRobotOptions.SectionName}:Url is not set, so no Feishu group hears of alerts";

    public string MisconfigurationHint => $"check {FeishuRobotOptions.SectionName}:Url and :Secret against the group robot's webhook and 签名校验 secret, its keywords and IP allow-list (the robot may have been removed)";

    public bool Routes(AlertTransition transition) => _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice) => new(
        notice.IdempotencyKey,
        JsonSerializer.SerializeToUtf8Bytes(card.Render(notice.Transition, notice.Reminder)),
        AlertEvents.Of(notice.Transition, notice.IsReminder));

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => sender.SendAsync(item, cancellationToken);
}
