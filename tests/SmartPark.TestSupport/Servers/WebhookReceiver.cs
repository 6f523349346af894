using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPark.TestSupport;

/// <summary>One POST as the receiver saw it, and the status it answered.</summary>
public sealed record ReceivedWebhook(int Order, string? Key, string? Timestamp, string? Signature, string? ContentType, byte[] Body, int Status);

/// <summary>
/// A bureau receiver on 127.0.0.1 (real Kestrel) that records every request. <see cref="Respond"/>
/// picks the answer from the request and how many times its idempotency key was seen before, so
/// tests script outages and refusals per notification without timing.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/bureau/alerts"));

    /// <summary>Sent as <c>Location</c> with any 3xx answer.</summary>
    public Uri? Location { get; set; }

    /// <summary>(request, times its key was seen before) → status to answer. 200 by default.</summary>
    public Func<ReceivedWebhook, int, int> Respond { get; set; } = (_, _) => 200;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    public static async Task<WebhookReceiver> StartAsync(int? port = null)
    {
        var listen = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listen}"));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, listen);
        app.MapPost("/bureau/alerts", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers;
        var key = headers["Idempotency-Key"].ToString();
        ReceivedWebhook request;
        lock (_gate)
        {
            var seen = _seen.GetValueOrDefault(key);
            _seen[key] = seen + 1;
            request = new ReceivedWebhook(_received.Count, key, headers["X-SmartPark-Timestamp"].ToString(), headers["X-SmartPark-Signature"].ToString(),
                context.Request.ContentType, buffer.ToArray(), 0);
            request = request with { Status = Respond(request, seen) };
            _received.Add(request);
        }
        context.Response.StatusCode = request.Status;
        if (request.Status == 429)
            context.Response.Headers.RetryAfter = "0";
        if (request.Status is >= 300 and < 400 && Location is not null)
            context.Response.Headers.Location = Location.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
