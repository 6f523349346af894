using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications.Email;

/// <summary>
/// Email to the people on duty as a sink (<see cref="SinkAudience.People"/>): the notifier stores
/// one message for the first person on duty who has an email address, the escalation one for each
/// later level. Routed like every channel (<see cref="EmailOptions"/>, critical alarms by default),
/// rendered as a whole MIME message once when stored (<see cref="EmailContent"/>), sent by
/// <see cref="EmailSender"/>.
/// </summary>
public sealed class EmailSink(IOptions<EmailOptions> options, EmailContent content, EmailSender sender) : IAlertSink
{
    public const string Name = "email";
    public const string HealthCheckName = "email-smtp";

    private readonly EmailOptions _options = options.Value;

    public AlertSinkOptions Options => _options;

    public string Destination => $"smtp://{_options.Host}:{_options.Port} ({_options.Security}{(string.IsNullOrEmpty(_options.User) ? "" : $", as {_options.User}")})";

    public string DisabledReason => "Notifications:Email:Host is not set, so nobody on duty is told of alerts by email";

    public string MisconfigurationHint => "check Notifications:Email (Host, Port, Security, User, Password, From) and the duty roster's email addresses";

    public SinkAudience Audience => SinkAudience.People;

    public bool Reaches(DutyRecipient person) => !string.IsNullOrWhiteSpace(person.Email);

    public bool Routes(AlertTransition transition) => _options.Routes(transition);

    public SinkMessage Render(AlertNotice notice)
    {
        var message = content.Build(notice, _options.Sender);
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return new SinkMessage(notice.IdempotencyKey, bytes.ToArray(), AlertEvents.Of(notice.Transition, notice.IsReminder));
    }

    public Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) => sender.SendAsync(item, cancellationToken);
}
