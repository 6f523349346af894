using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Sms;

/// <summary>
/// One POST of a stored SMS request to the gateway, with its credential (a header, or a signature
/// like the bureau webhook's made at send time so its timestamp is fresh). Sent: a 2xx answer and,
/// when <see cref="SmsOptions.SuccessField"/> is set, that field of its JSON equal to
/// <see cref="SmsOptions.SuccessValue"/> (gateways answer 200 with an error code of their own).
/// Never throws for the gateway's or the network's failures; never puts the credential into a reason.
/// </summary>
public sealed class SmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "sms-gateway";

    private readonly SmsOptions _options = options.Value;

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url);
        request.Content = new ByteArrayContent(item.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdempotencyHeader, item.IdempotencyKey);
        if (!string.IsNullOrEmpty(_options.AuthHeader))
            request.Headers.TryAddWithoutValidation(_options.AuthHeader, _options.AuthValue);
        if (!string.IsNullOrEmpty(_options.SigningSecret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.SigningSecret, timestamp, item.Body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            var client = clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                return new DeliveryResult(false, status, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), !retryable, response.Headers.RetryAfter?.Delta);
            }
            if (string.IsNullOrEmpty(_options.SuccessField))
                return DeliveryResult.Ok(status);
            var answer = await FieldAsync(response, _options.SuccessField, timeout.Token).ConfigureAwait(false);
            if (answer == _options.SuccessValue)
                return DeliveryResult.Ok(status);
            // The gateway's own refusal (no such number, blocked content, balance): retried, but an operator must look.
            var shown = answer is null ? "missing" : answer.Length <= 40 ? answer : answer[..40];
            return new DeliveryResult(false, status, $"{_options.SuccessField} = {shown}", true, null);
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

    /// <summary>The answer's field at a dotted path, as text (a string's value, or a number's or literal's JSON), or null.</summary>
    private static async Task<string?> FieldAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var element = document.RootElement;
            foreach (var name in path.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    return null;
            }
            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
