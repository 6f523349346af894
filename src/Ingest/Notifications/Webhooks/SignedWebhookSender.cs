using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace SmartPark.Ingest.Notifications.Webhooks;

/// <summary>Makes one signed POST of a stored notification and says how it went; never throws for
/// the receiver's or the network's failures. Each signed webhook sink has its own, with its own
/// named <see cref="HttpClient"/> (its own connections), so one receiver's trouble never holds up another's.</summary>
public sealed class SignedWebhookSender(IHttpClientFactory clients, TimeProvider time, ISignedWebhookOptions options, string httpClientName)
{
    /// <summary>The named client every signed webhook registers the same way: no redirects, the
    /// per-request timeout is the sender's (<see cref="ISignedWebhookOptions.RequestTimeout"/>), not HttpClient's.
    /// A 3xx would send the signed alert on to wherever the answer points (http, another host), so it
    /// is a failed delivery, logged with where it pointed.</summary>
    public static void AddHttpClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        // Signed at each attempt with the time of that attempt: the receiver's replay window holds
        // even for a notification that waited out an hour-long outage.
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new ByteArrayContent(item.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Secret!, timestamp, item.Body));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, item.IdempotencyKey);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var client = clients.CreateClient(httpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return DeliveryResult.Ok(status);
            if (status is >= 300 and < 400)
            {
                // Not followed (the handler has AllowAutoRedirect off): retried at the configured
                // address, and logged as an error for an operator to agree the right one with the receiver.
                var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.GetLeftPart(UriPartial.Path) : to.OriginalString) : "nowhere";
                return new DeliveryResult(false, status, string.Create(CultureInfo.InvariantCulture, $"HTTP {status} redirect to {location}, not followed"), true, null);
            }
            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new DeliveryResult(false, status, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), !retryable && status >= 400, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, null, "timeout", false, null);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult(false, null, ex.HttpRequestError.ToString(), false, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
