using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Ingest.Notifications;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// "A group robot that is down for an hour: nothing lost, nothing sent twice, order kept per
/// alert", for every group chat channel (WeChat Work, DingTalk, Feishu) with its production
/// settings (back-off, rate limit), through the real delivery loop and a real HTTP robot, on a fake
/// clock: five alerts go through eight transitions each while the robot first refuses, then is
/// unreachable (nothing listens), then refuses again, over 65 minutes; then it recovers. The clock
/// moves only when the delivery loop is parked with nothing in flight, straight to the next thing due.
/// </summary>
public sealed partial class RobotOutageTests : IDisposable
{
    private static readonly DateTimeOffset Start = AlertSamples.RaisedAt;
    private static readonly TimeSpan Unreachable = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan BackButRefusing = TimeSpan.FromMinutes(35);
    private static readonly TimeSpan Recovered = TimeSpan.FromMinutes(65);
    private static readonly string[] Alerts = ["a", "b", "c", "d", "e"];
    private const int Steps = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string _outbox = Path.Combine(Directory.CreateTempSubdirectory("robot-outage-").FullName, "outbox");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_outbox)!, recursive: true);

    [Theory]
    [InlineData("wecom")]
    [InlineData("dingtalk")]
    [InlineData("feishu")]
    public async Task An_hour_down_loses_nothing_repeats_nothing_keeps_each_alerts_order_and_catches_up_within_the_rate_limit(string channel)
    {
        var clock = new DeliveryClock(Start);
        await using var robot = new Robot(channel, FreePort.Next(), clock);
        await robot.StartAsync(refusing: true);
        await using var host = await NotifierHost.StartAsync(robot.Configuration(_outbox), (services, c) => services.AddAlertSinks(c), clock);
        var sink = host.Services.GetRequiredService<AlertSinks>()[channel];
        var options = sink.Sink.Options;
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>(), channel);
        using var sends = new SendClock(host.Services.GetRequiredService<IMeterFactory>(), channel, clock);
        long InFlight() => metrics[$"smartpark.ingest.{channel}.attempts"] - metrics[$"smartpark.ingest.{channel}.delivered"] - metrics[$"smartpark.ingest.{channel}.failures"];

        // What happens when, in fake time: each alert's transitions 7 minutes apart, the alerts 30 s apart.
        var script = Alerts.SelectMany((alert, a) => Enumerable.Range(1, Steps).Select(step =>
                (At: Start + TimeSpan.FromMinutes(7 * (step - 1)) + TimeSpan.FromSeconds(30 * a), Do: (Func<Task>)(() =>
                {
                    clock.ExpectWake();
                    return host.Notifier.EnqueueAsync(AlertSamples.Step(alert, step), default);
                }))))
            .Append((At: Start + Unreachable, Do: (Func<Task>)(() => robot.StopAsync())))
            .Append((At: Start + BackButRefusing, Do: (Func<Task>)(() => robot.StartAsync(refusing: true))))
            .Append((At: Start + Recovered, Do: (Func<Task>)(() => { robot.Refusing = false; return Task.CompletedTask; })))
            .OrderBy(e => e.At)
            .ToList();

        var next = 0;
        for (var moves = 0; ; moves++)
        {
            Assert.True(moves < 10_000, "the delivery never settled");
            var parkedUntil = await clock.WhenParkedAsync(InFlight, Bound);
            if (next < script.Count && script[next].At <= clock.Now)
            {
                await script[next++].Do();
                continue;
            }
            if (next == script.Count && sink.Outbox.Depth == 0)
                break;
            var target = next < script.Count && script[next].At < parkedUntil ? script[next].At : parkedUntil;
            clock.AdvanceTo(target > clock.Now ? target : clock.Now.AddMilliseconds(1));
        }

        var tried = robot.Requests;
        var accepted = tried.Where(r => r.Accepted).ToList();
        // Nothing lost, nothing twice: every transition accepted exactly once.
        Assert.Equal(Alerts.Length * Steps, accepted.Count);
        Assert.All(accepted.GroupBy(r => (r.AlertId, r.Sequence)), transition => Assert.Single(transition));
        Assert.All(accepted, r => Assert.True(r.At >= Start + Recovered, $"{r.AlertId}#{r.Sequence} accepted at {r.At:O}, before the robot recovered"));
        // Order per alert: accepted 1..8, and never even tried ahead of an earlier one.
        foreach (var alert in Alerts)
        {
            Assert.Equal(Enumerable.Range(1, Steps).Select(s => (long)s), accepted.Where(r => r.AlertId == alert).Select(r => r.Sequence));
            var attempts = tried.Where(r => r.AlertId == alert).Select(r => r.Sequence).ToList();
            Assert.Equal(attempts.Order(), attempts);
        }
        // The outage was real: refused before, and attempts that reached nobody while it was down.
        Assert.Contains(tried, r => !r.Accepted && r.At < Start + Unreachable);
        Assert.Contains(tried, r => !r.Accepted && r.At >= Start + BackButRefusing);
        Assert.DoesNotContain(tried, r => r.At >= Start + Unreachable && r.At < Start + BackButRefusing);
        Assert.True(metrics[$"smartpark.ingest.{channel}.failures"] > tried.Count(r => !r.Accepted), "attempts failed against a robot nobody listened for");
        // The first message was stored over an hour before it went: a signing robot took it, so it was signed when sent.
        Assert.True(accepted.Single(r => r.AlertId == "a" && r.Sequence == 1).At - Start > TimeSpan.FromHours(1));
        // A storm of alarms is not a storm of messages: never more than the limit in any window, even
        // catching up, counting every send the loop started (those that reached nobody too).
        var arrivals = sends.Times;
        Assert.Equal(metrics[$"smartpark.ingest.{channel}.attempts"], arrivals.Count);
        for (var i = 0; i + options.RateLimit < arrivals.Count; i++)
            Assert.True(arrivals[i + options.RateLimit] - arrivals[i] >= options.RateWindow, $"{options.RateLimit + 1} sends within {arrivals[i + options.RateLimit] - arrivals[i]} from {arrivals[i]:O}");
        var windows = (int)Math.Ceiling((double)accepted.Count / options.RateLimit) - 1;
        Assert.True(accepted.Max(r => r.At) - (Start + Recovered) >= options.RateWindow * windows, "the catch-up went faster than the rate limit allows");
    }

    /// <summary>When, on the fake clock, the loop started each send (its rate-limit slot and its attempt are
    /// taken together), and every send's end: a finished send pulses the loop, which the clock must know.</summary>
    private sealed class SendClock : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<DateTimeOffset> _times = [];

        public SendClock(IMeterFactory scope, string sink, DeliveryClock clock)
        {
            var attempts = $"smartpark.ingest.{sink}.attempts";
            string[] outcomes = [$"smartpark.ingest.{sink}.delivered", $"smartpark.ingest.{sink}.failures"];
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && (instrument.Name == attempts || outcomes.Contains(instrument.Name)))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, _, _, _) =>
            {
                if (instrument.Name == attempts)
                {
                    lock (_times)
                        _times.Add(clock.Now);
                }
                else
                {
                    clock.Activity();
                }
            });
            _listener.Start();
        }

        public List<DateTimeOffset> Times
        {
            get
            {
                lock (_times)
                    return [.. _times.Order()];
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>One of the three robots behind one face: started and stopped on the same port, its requests kept across restarts.</summary>
    private sealed partial class Robot(string channel, int port, DeliveryClock clock) : IAsyncDisposable
    {
        private const string DingTalkSecret = "SECoutage-test-dingtalk-secret-5a9c";
        private const string FeishuSecret = "outage-test-feishu-secret-3e71";

        private readonly List<Request> _earlier = [];
        private WeComRobotReceiver? _wecom;
        private ChatRobotReceiver? _chat;

        public bool Refusing { get; set; }

        public IReadOnlyList<Request> Requests => [.. _earlier, .. Current()];

        public Dictionary<string, string?> Configuration(string outbox)
        {
            var (section, url, secret) = channel switch
            {
                "wecom" => ("Notifications:WeCom", WeComRobotReceiver.UrlFor(port), null),
                "dingtalk" => ("Notifications:DingTalk", ChatRobotReceiver.UrlFor(ChatRobot.DingTalk, port), DingTalkSecret),
                _ => ("Notifications:Feishu", ChatRobotReceiver.UrlFor(ChatRobot.Feishu, port), FeishuSecret),
            };
            return new()
            {
                [$"{section}:Url"] = url.ToString(),
                [$"{section}:Secret"] = secret,
                [$"{section}:AllowHttp"] = "true",
                [$"{section}:OutboxDirectory"] = outbox,
            };
        }

        public async Task StartAsync(bool refusing)
        {
            Refusing = refusing;
            if (channel == "wecom")
            {
                _wecom = await WeComRobotReceiver.StartAsync(port);
                _wecom.Clock = clock.GetUtcNow;
                _wecom.Respond = (_, _) => Refusing ? -1 : 0; // -1: system busy
                return;
            }
            var robot = channel == "dingtalk" ? ChatRobot.DingTalk : ChatRobot.Feishu;
            _chat = await ChatRobotReceiver.StartAsync(robot, robot == ChatRobot.DingTalk ? DingTalkSecret : FeishuSecret, port, clock.GetUtcNow);
            // Busy: DingTalk's "system busy", Feishu's "frequency limited".
            _chat.Respond = (_, _) => Refusing ? (robot == ChatRobot.DingTalk ? -1 : 11232) : 0;
        }

        public async Task StopAsync()
        {
            _earlier.AddRange(Current());
            if (_wecom is not null)
                await _wecom.DisposeAsync();
            if (_chat is not null)
                await _chat.DisposeAsync();
            (_wecom, _chat) = (null, null);
        }

        private IEnumerable<Request> Current()
        {
            if (_wecom is not null)
            {
                foreach (var r in _wecom.Received)
                {
                    var match = AlertOf().Match(r.Content ?? "");
                    yield return new Request(match.Groups[1].Value, match.Success ? long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, r.At, r.ErrorCode == 0);
                }
            }
            if (_chat is not null)
            {
                foreach (var r in _chat.Received)
                    yield return new Request(r.AlertId, r.Sequence, r.At, r.Code == 0);
            }
        }

        public ValueTask DisposeAsync() => new(StopAsync());

        [GeneratedRegex(@"alert (\S+) #(\d+)")]
        private static partial Regex AlertOf();
    }

    private sealed record Request(string? AlertId, long Sequence, DateTimeOffset At, bool Accepted);
}
