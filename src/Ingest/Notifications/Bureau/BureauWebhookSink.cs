using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>
/// The environment bureau's webhook as a sink: every transition of an alert whose rule is marked
/// <see cref="AlertDocument.Bureau"/> (and nothing else: anything more would be a leak), as the
/// flat JSON of <see cref="BureauNotification"/>, POSTed signed with the shared secret.
/// </summary>
public sealed class BureauWebhookSink(IOptions<BureauWebhookOptions> options, BureauPayloadBuilder payloads, IHttpClientFactory clients, TimeProvider time) : IAlertSink
{
    public const string Name = "bureau";
    public const string HealthCheckName = "bureau-webhook";

    public const string HttpClientName = "bureau-webhook";

    private readonly BureauWebhookOptions _options = options.Value;
    private readonly SignedWebhookSender _sender = new(clients, time, options.Value, HttpClientName);

    public AlertSinkOptions Options => _options;

    public string Destination => SignedWebhookChecks.Destination(_options);

    public string DisabledReason => "Bureau:Webhook:Url is not set, so alerts of bureau rules are not sent to the environment bureau";

    public string MisconfigurationHint => "check Bureau:Webhook:Url and Secret with the bureau";

    public bool Routes(AlertTransition transition) => transition.Alert.Bureau;

    public SinkMessage Render(AlertNotice notice)
    {
        var payload = payloads.Build(notice.Transition, notice.Reminder);
        return new SinkMessage(payload.IdempotencyKey, JsonSerializer.SerializeToUtf8Bytes(payload, BureauJsonContext.Default.BureauNotification), payload.Event);
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => _sender.SendAsync(item, cancellationToken);
}
