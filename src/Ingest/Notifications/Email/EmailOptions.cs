using System.Net;
using MimeKit;
using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.Ingest.Notifications.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a test server on loopback (the password would cross the network in clear).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS before anything is sent (submission, port 587); refused if the server offers no STARTTLS.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Section <c>Notifications:Email</c>: email over SMTP to the people on duty (the park's duty roster),
/// and which alerts. The password is a secret: never logged; keep it in a secret store (systemd
/// credential, <c>SMARTPARK_Notifications__Email__Password</c>), not in a file.
/// </summary>
public sealed class EmailOptions : RoutedSinkOptions
{
    public const string SectionName = "Notifications:Email";

    public EmailOptions()
    {
        OutboxDirectory = Path.Combine("data", "email");
        MinSeverity = Contracts.Alerts.AlertSeverities.Critical;
        // A provider's submission limits are in the hundreds an hour; a storm of alarms waits in the outbox.
        RateLimit = 30;
        RateWindow = TimeSpan.FromMinutes(1);
        InitialBackoff = TimeSpan.FromSeconds(10);
        RequestTimeout = TimeSpan.FromSeconds(30);
    }

    public override string Title => "Email (SMTP)";

    protected override string Section => SectionName;

    /// <summary>The SMTP server's host name; empty (the default) disables the sink.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to log in with; none: the server takes mail without authentication.</summary>
    public string? User { get; set; }

    /// <summary>Secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, <c>alarms@park.example</c>; also the domain of every Message-ID.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "SmartPark 园区监测";

    public override bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public override string? Problem()
    {
        if (Port is < 1 or > 65535)
            return $"{SectionName}:Port {Port} is not a TCP port";
        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            return $"{SectionName}:From '{From}' is not an email address (the sender, e.g. alarms@park.example)";
        if (Security == SmtpSecurity.None && !IsLoopback(Host!))
            return $"{SectionName}:Security is None, so mail and password would cross the network in clear: use StartTls or SslOnConnect (None is for a test server on loopback only)";
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
            return $"{SectionName}:User is set but Password is not";
        return RouteProblem();
    }

    /// <summary>The sender's mailbox; call only once <see cref="Problem"/> is null.</summary>
    public MailboxAddress Sender => new(FromName, MailboxAddress.Parse(From!).Address);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
