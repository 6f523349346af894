using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications.Sms;

/// <summary>
/// Text messages to the people on duty through an HTTP gateway (<see cref="SinkAudience.People"/>):
/// one for the first person on duty who has a phone, and one per later level from the escalation.
/// The request body (template filled with phone and text) is built once when stored.
/// </summary>
public sealed class SmsSink(IOptions<SmsOptions> options, SmsSender sender) : IAlertSink
{
    public const string Name = "sms";
    public const string HealthCheckName = "sms-gateway";

    private readonly SmsOptions _options = options.Value;

    public AlertSinkOptions Options => _options;

    // Host and path only: a gateway's query may carry its key.
    public string Destination => _options.Url is { IsAbsoluteUri: true } url ? $"{url.GetLeftPart(UriPartial.Path)} (query not shown)" : "nowhere";

    public string DisabledReason => "Notifications:Sms:Url is not set, so nobody on duty is told of alerts by text message";

    public string MisconfigurationHint => "check Notifications:Sms (Url, AuthHeader/AuthValue or SigningSecret, BodyTemplate, SuccessField) against the gateway's documentation, and the duty roster's phone numbers";

    public SinkAudience Audience => SinkAudience.People;

    public bool Reaches(DutyRecipient person) => !string.IsNullOrWhiteSpace(person.Phone);

    public bool Routes(AlertTransition transition) => _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var person = notice.Recipient ?? throw new ArgumentException("a text message goes to one person of the duty roster", nameof(notice));
        var text = SmsText.Render(notice, _options.MaxSegments);
        return new SinkMessage(
            notice.IdempotencyKey,
            SmsBody.Bytes(_options.BodyTemplate, person.Phone!, text, notice.IdempotencyKey),
            AlertEvents.Of(notice.Transition, notice.IsReminder));
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => sender.SendAsync(item, cancellationToken);
}
