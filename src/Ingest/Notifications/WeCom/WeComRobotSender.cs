using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>
/// One POST of a stored message to the robot, and how it went. The robot answers HTTP 200 even
/// when it refuses, with a non-zero <c>errcode</c> in its JSON: that is a failure, retried like any
/// other. Never throws for the robot's or the network's failures, and never puts the address
/// (its query is the key) into a reason.
/// </summary>
public sealed class WeComRobotSender(IHttpClientFactory clients, IOptions<WeComRobotOptions> options)
{
    public const string HttpClientName = "wecom-robot";

    // Answers that go away by waiting: "system busy" and "too many messages" (over 20 a minute).
    private const int SystemBusy = -1;
    private const int TooFrequent = 45009;

    private readonly WeComRobotOptions _options = options.Value;

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url);
        request.Content = new ByteArrayContent(item.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

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
                return new DeliveryResult(false, status, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), !retryable, null);
            }
            var answer = await ReadAnswerAsync(response, timeout.Token).ConfigureAwait(false);
            if (answer is null)
                return new DeliveryResult(false, status, "unreadable answer", false, null);
            if (answer.ErrorCode == 0)
                return DeliveryResult.Ok(status);
            var reason = string.Create(CultureInfo.InvariantCulture, $"errcode {answer.ErrorCode} ({Summary(answer.ErrorMessage)})");
            return new DeliveryResult(false, status, reason, answer.ErrorCode is not (SystemBusy or TooFrequent), null);
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

    private static async Task<WeComAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, WeComJsonContext.Default.WeComAnswer, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The message up to its ", hint: […]": the hint and the caller's IP differ on every
    /// answer and would make each failure a metric series of its own.</summary>
    private static string Summary(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return "no message";
        var hint = message.IndexOf(", hint", StringComparison.Ordinal);
        var text = hint >= 0 ? message[..hint] : message;
        return text.Length <= 80 ? text : text[..80];
    }
}
