using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Safety;

/// <summary>
/// The emergency-management and fire authorities' receiver as a sink: every transition of a safety
/// alarm (<see cref="AlertDocument.Safety"/>) that its routing takes, as <see cref="SafetyNotification"/>,
/// POSTed signed like the bureau's. Its own outbox file, delivery loop and HTTP connections, so a fire
/// alarm never waits behind another channel's traffic (GB 26875.1: fire alarms pre-empt other messages).
/// </summary>
public sealed class SafetyWebhookSink(IOptions<SafetyWebhookOptions> options, SafetyPayloadBuilder payloads, IHttpClientFactory clients, TimeProvider time) : IAlertSink
{
    public const string Name = "safety";
    public const string HealthCheckName = "safety-webhook";
    public const string HttpClientName = "safety-webhook";

    private readonly SafetyWebhookOptions _options = options.Value;
    private readonly SignedWebhookSender _sender = new(clients, time, options.Value, HttpClientName);

    public AlertSinkOptions Options => _options;

    public string Destination => SignedWebhookChecks.Destination(_options);

    public string DisabledReason => "Safety:Webhook:Url is not set, so safety alarms (fire, electrical fire, gas, fire water) are not sent to the emergency-management and fire authorities";

    public string MisconfigurationHint => "check Safety:Webhook:Url and Secret with the authorities";

    // SafetyOnly is enforced by the options' check; asked again here so no setting can leak another alert.
    public bool Routes(AlertTransition transition) => transition.Alert.Safety && _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice)
    {
        var payload = payloads.Build(notice);
        return new SinkMessage(payload.IdempotencyKey, JsonSerializer.SerializeToUtf8Bytes(payload, SafetyJsonContext.Default.SafetyNotification), payload.Event);
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => _sender.SendAsync(item, cancellationToken);
}
