using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>One POST as the robot saw it: the key from the query, the markdown content, when it
/// arrived, and the errcode it answered (0 = accepted).</summary>
public sealed record ReceivedRobotMessage(int Order, string? Key, string? MessageType, string? Content, DateTimeOffset At, int ErrorCode);

/// <summary>
/// A WeChat Work group robot on 127.0.0.1 (real Kestrel), answering like the real one: HTTP 200
/// with <c>{"errcode":…,"errmsg":…}</c>. <see cref="Respond"/> picks the errcode from the request
/// and how many times the same content was seen before, so tests script refusals without timing.
/// </summary>
public sealed class WeComRobotReceiver : IAsyncDisposable
{
    public const string RobotKey = "integration-test-robot-key-5f1c";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedRobotMessage> _received = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private WeComRobotReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The robot's address, key and all, as the group's robot settings show it.</summary>
    public Uri Url => UrlFor(Port);

    public static Uri UrlFor(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/cgi-bin/webhook/send?key={RobotKey}"));

    /// <summary>The receiver's "now" for <see cref="ReceivedRobotMessage.At"/>: the test's fake clock when the sender runs on one.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>(request, times its content was seen before) → errcode to answer. 0 by default.</summary>
    public Func<ReceivedRobotMessage, int, int> Respond { get; set; } = (_, _) => 0;

    public IReadOnlyList<ReceivedRobotMessage> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    public IReadOnlyList<ReceivedRobotMessage> Accepted => [.. Received.Where(r => r.ErrorCode == 0)];

    public static async Task<WeComRobotReceiver> StartAsync(int? port = null)
    {
        var listen = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listen}"));
        var app = builder.Build();
        var receiver = new WeComRobotReceiver(app, listen);
        app.MapPost("/cgi-bin/webhook/send", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var content = (string?)body?["markdown"]?["content"];
        ReceivedRobotMessage request;
        lock (_gate)
        {
            var seen = _seen.GetValueOrDefault(content ?? "");
            _seen[content ?? ""] = seen + 1;
            request = new ReceivedRobotMessage(_received.Count, context.Request.Query["key"].ToString(), (string?)body?["msgtype"], content, Clock(), 0);
            request = request with { ErrorCode = Respond(request, seen) };
            _received.Add(request);
        }
        var message = request.ErrorCode switch
        {
            0 => "ok",
            -1 => "system busy",
            45009 => "api freq out of limit, hint: [1733550000_1_abcdef], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=45009",
            _ => "invalid webhook url, hint: [1733550000_2_abcdef], from ip: 127.0.0.1",
        };
        await context.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = request.ErrorCode, ["errmsg"] = message });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
