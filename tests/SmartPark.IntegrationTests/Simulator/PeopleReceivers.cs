using MimeKit;
using SmartPark.Ingest.Notifications.Email;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Simulator.Checking;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>
/// What a scenario run needs to check who was told of an alarm: a real SMTP server (aiosmtpd) and a
/// real SMS gateway, Ingest's settings that send to them (email and SMS on, their outboxes and the
/// escalation's state in a folder of their own), and what arrived as <see cref="NotificationSighting"/>s.
/// </summary>
public sealed class PeopleReceivers : IAsyncDisposable
{
    private readonly string _directory;

    private PeopleReceivers(SmtpReceiver smtp, SmsGatewayReceiver sms, string directory)
    {
        Smtp = smtp;
        Sms = sms;
        _directory = directory;
    }

    public SmtpReceiver Smtp { get; }
    public SmsGatewayReceiver Sms { get; }

    public static async Task<PeopleReceivers> StartAsync()
    {
        var smtp = await SmtpReceiver.StartAsync();
        try
        {
            return new PeopleReceivers(smtp, await SmsGatewayReceiver.StartAsync(), Directory.CreateTempSubdirectory("scenario-people-").FullName);
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
    }

    public string[] IngestArguments() =>
    [
        "--Notifications:Email:Host=127.0.0.1",
        $"--Notifications:Email:Port={Smtp.Port}",
        "--Notifications:Email:Security=None",
        "--Notifications:Email:From=alarms@shimen-park.example",
        $"--Notifications:Email:OutboxDirectory={Path.Combine(_directory, "email")}",
        "--Notifications:Email:InitialBackoff=00:00:00.100",
        $"--Notifications:Sms:Url={Sms.Url}",
        "--Notifications:Sms:AllowHttp=true",
        $"--Notifications:Sms:OutboxDirectory={Path.Combine(_directory, "sms")}",
        "--Notifications:Sms:InitialBackoff=00:00:00.100",
        $"--Notifications:Escalation:Directory={Path.Combine(_directory, "escalation")}",
    ];

    /// <summary>Every email and text message received so far, read back from the idempotency key each carries.</summary>
    public IReadOnlyList<NotificationSighting> Sightings()
    {
        var seen = new List<NotificationSighting>();
        foreach (var mail in Smtp.Received)
        {
            var key = MimeMessage.Load(new MemoryStream(mail.Raw)).Headers[EmailContent.IdempotencyHeader];
            if (NotificationSighting.FromKey("email", key, mail.At) is { } sighting)
                seen.Add(sighting);
        }
        foreach (var sms in Sms.Accepted)
        {
            if (NotificationSighting.FromKey("sms", sms.Reference, sms.At) is { } sighting)
                seen.Add(sighting);
        }
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await Sms.DisposeAsync();
        await Smtp.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
