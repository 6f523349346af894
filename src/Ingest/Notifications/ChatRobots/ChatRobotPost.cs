using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SmartPark.Ingest.Notifications.ChatRobots;

/// <summary>
/// One POST of a JSON message to a chat group robot (DingTalk, Feishu), and what came back. Such
/// robots answer HTTP 200 even when they refuse, with a code in their JSON; the caller's
/// <c>judge</c> reads it. Never throws for the robot's or the network's failures, and never puts the
/// address (it holds the robot's token) into a reason.
/// </summary>
public static class ChatRobotPost
{
    /// <summary>Feishu's gateway says in this header how many seconds until its limit resets.</summary>
    private const string RateLimitReset = "x-ogw-ratelimit-reset";

    public static async Task<DeliveryResult> SendAsync(
        HttpClient client,
        Uri url,
        byte[] body,
        TimeSpan timeout,
        Func<int, JsonElement, DeliveryResult> judge,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                // 3xx is never followed (the token would go with it); 408, 429 and 5xx go away by waiting.
                var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                return new DeliveryResult(false, status, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), !retryable, RetryAfter(response));
            }
            JsonDocument answer;
            try
            {
                answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false), default, deadline.Token).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return new DeliveryResult(false, status, "unreadable answer", false, null);
            }
            using (answer)
                return judge(status, answer.RootElement);
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

    /// <summary>A robot's message up to its first hint, link or explanation: those differ between answers
    /// (request ids, the caller's address) and would make each failure a metric series of its own.</summary>
    public static string Summary(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return "no message";
        var text = message;
        foreach (var cut in new[] { ", hint", ", more", ";", " more info" })
        {
            var at = text.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
                text = text[..at];
        }
        return text.Length <= 80 ? text : text[..80];
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (response.Headers.TryGetValues(RateLimitReset, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }
}
