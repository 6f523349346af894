using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SmartPark.Ingest.Notifications.Email;

/// <summary>
/// One SMTP session per stored message: connect (STARTTLS or TLS as configured), log in, send,
/// quit. SMTP's answer classes decide what happened: 2xx delivered; 4xx (mailbox busy, greylisted,
/// server short of space) and a lost connection are temporary; 5xx (no such mailbox, refused
/// sender, message refused) and a failed login are permanent — still retried, so nothing is lost,
/// but logged as errors with what to fix. Never throws for the server's or the network's failures,
/// and never puts the password into a reason.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options)
{
    private readonly EmailOptions _options = options.Value;

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        MimeMessage message;
        using (var stream = new MemoryStream(item.Body, writable: false))
            message = await MimeMessage.LoadAsync(stream, timeout.Token).ConfigureAwait(false);
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _options.RequestTimeout.TotalMilliseconds) };
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, Socket(_options.Security), timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.User))
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", timeout.Token).ConfigureAwait(false);
            var answer = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            return new DeliveryResult(true, 250, Summary(answer, "ok"), false, null);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var what = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => "recipient refused",
                SmtpErrorCode.SenderNotAccepted => "sender refused",
                SmtpErrorCode.MessageNotAccepted => "message refused",
                _ => "command refused",
            };
            // 5xx is the server's final word; 4xx asks to try again later.
            return new DeliveryResult(false, code, string.Create(CultureInfo.InvariantCulture, $"SMTP {code} {what}"), code >= 500, null);
        }
        catch (AuthenticationException)
        {
            return new DeliveryResult(false, 535, "SMTP login refused", true, null);
        }
        catch (NotSupportedException)
        {
            // E.g. STARTTLS asked for and the server does not offer it: MailKit refuses to go on in clear.
            return new DeliveryResult(false, null, "server does not support the configured security", true, null);
        }
        catch (SslHandshakeException)
        {
            return new DeliveryResult(false, null, "TLS handshake failed", true, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, null, "timeout", false, null);
        }
        catch (SocketException ex)
        {
            return new DeliveryResult(false, null, $"connection: {ex.SocketErrorCode}", false, null);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException)
        {
            return new DeliveryResult(false, null, "connection lost", false, null);
        }
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static string Summary(string? answer, string fallback)
    {
        if (string.IsNullOrWhiteSpace(answer))
            return fallback;
        var line = answer.Trim();
        return line.Length <= 60 ? line : line[..60];
    }
}
