using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>Which robot a <see cref="ChatRobotReceiver"/> plays.</summary>
public enum ChatRobot
{
    /// <summary>钉钉: <c>POST /robot/send?access_token=…&amp;timestamp=&lt;ms&gt;&amp;sign=…</c>, answers <c>{"errcode","errmsg"}</c>.</summary>
    DingTalk,

    /// <summary>飞书: <c>POST /open-apis/bot/v2/hook/&lt;token&gt;</c> with <c>timestamp</c> (s) and <c>sign</c> in the body, answers <c>{"code","msg","data"}</c>.</summary>
    Feishu,
}

/// <summary>One POST as the robot saw it: which alert transition it told of (from the message's
/// "alert &lt;id&gt; #&lt;sequence&gt;"), when on the receiver's clock, and the code it answered (0 = accepted).</summary>
public sealed record ChatRobotRequest(int Order, string? AlertId, long Sequence, string? Content, DateTimeOffset At, int Code, string Answer);

/// <summary>
/// A DingTalk or Feishu custom group robot on 127.0.0.1 (real Kestrel) that checks what the real one
/// checks, with its own HMAC code rather than SmartPark's: the token, the signature over the
/// timestamp and the secret, and that the timestamp is within an hour of its clock
/// (<see cref="Clock"/>, the test's fake clock when the sender runs on one). Bad or stale signatures
/// are refused with the robot's own codes (DingTalk 310000, Feishu 19021); otherwise
/// <see cref="Respond"/> picks the answer from the request and how often its content was seen before.
/// </summary>
public sealed partial class ChatRobotReceiver : IAsyncDisposable
{
    public const string Token = "integration-test-robot-token-8d2e";

    private static readonly TimeSpan MaxSkew = TimeSpan.FromHours(1);

    private readonly WebApplication _app;
    private readonly ChatRobot _robot;
    private readonly string? _secret;
    private readonly Lock _gate = new();
    private readonly List<ChatRobotRequest> _received = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private ChatRobotReceiver(WebApplication app, ChatRobot robot, int port, string? secret)
    {
        _app = app;
        _robot = robot;
        Port = port;
        _secret = secret;
    }

    public int Port { get; }

    /// <summary>The robot's address, token and all, as the group's robot settings show it.</summary>
    public Uri Url => UrlFor(_robot, Port);

    public static Uri UrlFor(ChatRobot robot, int port) => robot == ChatRobot.DingTalk
        ? new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/robot/send?access_token={Token}"))
        : new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/open-apis/bot/v2/hook/{Token}"));

    /// <summary>The receiver's "now", for stale timestamps and <see cref="ChatRobotRequest.At"/>.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>(request, times its content was seen before) → code to answer to a well-signed request. 0 by default.</summary>
    public Func<ChatRobotRequest, int, int> Respond { get; set; } = (_, _) => 0;

    public IReadOnlyList<ChatRobotRequest> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    public IReadOnlyList<ChatRobotRequest> Accepted => [.. Received.Where(r => r.Code == 0)];

    /// <summary>A robot that checks signatures with <paramref name="secret"/>, or none when it is null.</summary>
    public static async Task<ChatRobotReceiver> StartAsync(ChatRobot robot, string? secret, int? port = null, Func<DateTimeOffset>? clock = null)
    {
        var listen = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listen}"));
        var app = builder.Build();
        var receiver = new ChatRobotReceiver(app, robot, listen, secret);
        if (clock is not null)
            receiver.Clock = clock;
        if (robot == ChatRobot.DingTalk)
            app.MapPost("/robot/send", receiver.HandleAsync);
        else
            app.MapPost("/open-apis/bot/v2/hook/{token}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var now = Clock();
        var query = context.Request.Query;
        var (token, timestamp, sign, content) = _robot == ChatRobot.DingTalk
            ? (query["access_token"].ToString(), query["timestamp"].ToString(), query["sign"].ToString(), (string?)body?["markdown"]?["text"])
            : ((string?)context.Request.RouteValues["token"], (string?)body?["timestamp"], (string?)body?["sign"], English(body));
        var refusal = token != Token ? (_robot == ChatRobot.DingTalk ? 300001 : 19001)
            : _secret is not null && !SignedWell(timestamp, sign, now) ? (_robot == ChatRobot.DingTalk ? 310000 : 19021)
            : (int?)null;
        var match = content is null ? null : AlertOf().Match(content);
        ChatRobotRequest request;
        lock (_gate)
        {
            var seen = _seen.GetValueOrDefault(content ?? "");
            _seen[content ?? ""] = seen + 1;
            request = new ChatRobotRequest(_received.Count, match is { Success: true } ? match.Groups[1].Value : null,
                match is { Success: true } ? long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0, content, now, 0, "");
            var code = refusal ?? Respond(request, seen);
            request = request with { Code = code, Answer = Message(code) };
            _received.Add(request);
        }
        var answer = _robot == ChatRobot.DingTalk
            ? new JsonObject { ["errcode"] = request.Code, ["errmsg"] = request.Answer }
            : new JsonObject { ["code"] = request.Code, ["data"] = new JsonObject(), ["msg"] = request.Answer };
        await context.Response.WriteAsJsonAsync(answer);
    }

    /// <summary>The robot's own check, written here from its documentation rather than taken from SmartPark.</summary>
    private bool SignedWell(string? timestamp, string? sign, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(sign) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;
        var at = _robot == ChatRobot.DingTalk ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        if ((now - at).Duration() > MaxSkew)
            return false;
        var toSign = Encoding.UTF8.GetBytes($"{timestamp}\n{_secret}");
        var expected = _robot == ChatRobot.DingTalk
            ? Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret!), toSign))
            : Convert.ToBase64String(HMACSHA256.HashData(toSign, ReadOnlySpan<byte>.Empty));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign));
    }

    private static string? English(JsonObject? body) => (string?)body?["card"]?["elements"]?[2]?["text"]?["content"];

    private string Message(int code) => (_robot, code) switch
    {
        (_, 0) => _robot == ChatRobot.DingTalk ? "ok" : "success",
        (ChatRobot.DingTalk, -1) => "系统繁忙",
        (ChatRobot.DingTalk, 300001) => "token is not exist",
        (ChatRobot.DingTalk, 310000) => "description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中",
        (ChatRobot.DingTalk, 130101) => "send too fast, exceed 20 times per minute",
        (ChatRobot.Feishu, 11232) => "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]",
        (ChatRobot.Feishu, 19001) => "param invalid: incoming webhook access token invalid",
        (ChatRobot.Feishu, 19021) => "sign match fail or timestamp is not within one hour from current time",
        _ => "refused",
    };

    [GeneratedRegex(@"alert (\S+) #(\d+)")]
    private static partial Regex AlertOf();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
