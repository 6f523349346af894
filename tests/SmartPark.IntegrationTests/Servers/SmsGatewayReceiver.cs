using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>One text message as the gateway saw it: number, text, the request's credential headers and body, when, and the code it answered (0 = sent).</summary>
public sealed record ReceivedSms(int Order, string? Phone, string? Text, string? Reference, string? Authorization, string? Timestamp, string? Signature, string? IdempotencyKey, byte[] Body, DateTimeOffset At, int Code);

/// <summary>
/// An SMS gateway on 127.0.0.1 (real Kestrel) taking the JSON SmartPark's default template makes
/// (<c>{"phone":…,"text":…,"reference":…}</c>) and answering like many real ones: HTTP 200 with
/// <c>{"result":{"code":…}}</c>, 0 when it took the message. <see cref="Respond"/> picks the code
/// from the request and how often its reference was seen before.
/// </summary>
public sealed class SmsGatewayReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedSms> _received = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private SmsGatewayReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/sms/send"));

    /// <summary>(request, times its reference was seen before) → code to answer. 0 by default.</summary>
    public Func<ReceivedSms, int, int> Respond { get; set; } = (_, _) => 0;

    public IReadOnlyList<ReceivedSms> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    public IReadOnlyList<ReceivedSms> Accepted => [.. Received.Where(r => r.Code == 0)];

    public static async Task<SmsGatewayReceiver> StartAsync(int? port = null)
    {
        var listen = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listen}"));
        var app = builder.Build();
        var receiver = new SmsGatewayReceiver(app, listen);
        app.MapPost("/sms/send", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var body = JsonNode.Parse(bytes);
        var headers = context.Request.Headers;
        ReceivedSms request;
        lock (_gate)
        {
            var reference = (string?)body?["reference"] ?? "";
            var seen = _seen.GetValueOrDefault(reference);
            _seen[reference] = seen + 1;
            request = new ReceivedSms(_received.Count, (string?)body?["phone"], (string?)body?["text"], (string?)body?["reference"],
                headers.Authorization.ToString(), headers["X-SmartPark-Timestamp"].ToString(), headers["X-SmartPark-Signature"].ToString(),
                headers["Idempotency-Key"].ToString(), bytes, DateTimeOffset.UtcNow, 0);
            request = request with { Code = Respond(request, seen) };
            _received.Add(request);
        }
        await context.Response.WriteAsJsonAsync(new JsonObject { ["result"] = new JsonObject { ["code"] = request.Code, ["message"] = request.Code == 0 ? "ok" : "refused" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
