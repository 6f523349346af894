using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Bench.Load;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Servers;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Alerts;

/// <summary>
/// <c>./smartpark bench alerts</c>: how long a fire detector's alarm takes from the device's
/// publish to the alert document on the MQTT alert topic, while 10,000 readings a second of
/// background telemetry flow through the same broker and Ingest. Each of the fire events is a
/// smoke detector that has not alarmed before (a new alert, not an occurrence of an open one),
/// sent one at a time. The figure includes both broker hops, so it bounds Ingest's own share.
/// The same alarms also go to the emergency-management and fire authorities' receiver (the safety
/// webhook, a real HTTP receiver here that checks each signature): the second figure is from the
/// detector's publish to the signed POST arriving, against GB 26875.1's 10 s.
/// </summary>
internal static class AlertLatencyBenchmark
{
    private const string Park = "bench-fire";
    private const int BackgroundMessagesPerSecond = 1_000;
    private const int BackgroundReadingsPerMessage = 10;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);
    // GB 26875.1 / GB 25506: a fire alarm at the receiving centre within 10 s.
    private static readonly TimeSpan AuthoritiesTarget = TimeSpan.FromSeconds(10);
    private const string SafetySecret = "bench-only-safety-webhook-secret-0123456789";

    public static async Task<int> RunAsync(int events, CancellationToken cancellationToken)
    {
        Console.WriteLine($"SmartPark alert latency benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Machine.CpuModel()}");
        await using var sampler = new ProcessSampler();
        await using var influx = await InfluxDbServer.StartAsync();
        sampler.Watch("influxd", influx.Pid);
        await using var broker = await BenchMosquitto.StartAsync(cancellationToken);
        sampler.Watch("mosquitto", broker.Pid);
        var authorities = new ConcurrentDictionary<string, long>();
        var badSignatures = 0;
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, _) =>
        {
            var at = Stopwatch.GetTimestamp();
            if (!SignatureHolds(request))
            {
                Interlocked.Increment(ref badSignatures);
                return 401;
            }
            using var body = JsonDocument.Parse(request.Body);
            if (body.RootElement.TryGetProperty("event", out var e) && e.GetString() == "raised" && body.RootElement.TryGetProperty("sensor", out var s) && s.GetString() is { } sensor)
                authorities.TryAdd(sensor, at);
            return 200;
        };
        await using var ingest = await IngestUnderTest.StartAsync(broker.Port, influx.Url, "smartpark_alert_bench",
            [$"--Safety:Webhook:Url={receiver.Url}", $"--Safety:Webhook:Secret={SafetySecret}", "--Safety:Webhook:AllowHttp=true",
             $"--Safety:Webhook:OutboxDirectory={Path.Combine(Path.GetTempPath(), "smartpark-bench-safety-" + Environment.ProcessId)}"], cancellationToken);
        sampler.Watch("ingest", ingest.Pid);

        var received = new ConcurrentDictionary<string, long>();
        using var watcher = new MqttClientFactory().CreateMqttClient();
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            var at = Stopwatch.GetTimestamp();
            if (e.ApplicationMessage.Payload.Length > 0)
            {
                var doc = JsonSerializer.Deserialize(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload), ContractsJsonContext.Default.AlertDocument);
                if (doc is { RuleId: "smoke", Sensor: { } sensor })
                    received.TryAdd(sensor, at);
            }
            return Task.CompletedTask;
        };
        await watcher.ConnectAsync(BenchMqttOptions.Build(broker.Port, "alert-watcher"), cancellationToken);
        await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"smartpark/v1/{Park}/alerts/+", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        using var detector = new MqttClientFactory().CreateMqttClient();
        await detector.ConnectAsync(BenchMqttOptions.Build(broker.Port, "fire-detector"), cancellationToken);

        // Background load for the whole run, plus a margin either side.
        await using var background = await PublisherPool.ConnectAsync(broker.Port, 16, "bg", cancellationToken);
        using var stopBackground = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var plan = new LoadPlan("bench-background", BackgroundMessagesPerSecond, BackgroundReadingsPerMessage, TimeSpan.FromSeconds(30 + (events * 0.3)));
        var load = Task.Run(() => background.RunAsync(plan, stopBackground.Token), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken); // let the load settle first
        sampler.BeginWindow();
        var backgroundAckedAtStart = background.Acked;
        var loadStarted = Stopwatch.GetTimestamp();

        var latencies = new List<double>();
        var toAuthorities = new List<double>();
        var device = new DeviceAddress(Park, "fire-e01", "fire-edge1");
        for (var i = 1; i <= events; i++)
        {
            var sensor = $"smoke-{i:D4}";
            var reading = $$"""{"schema":1,"device":"{{device.Device}}","seq":{{i}},"sentAt":"{{Now()}}","readings":[{"sensor":"{{sensor}}","quantity":"smoke","value":1,"unit":"bool","ts":"{{Now()}}","flag":"N"}]}""";
            var sent = Stopwatch.GetTimestamp();
            await detector.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Telemetry(device))
                .WithPayload(reading)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), cancellationToken);
            var deadline = sent + (5 * Stopwatch.Frequency);
            while (!received.ContainsKey(sensor) && Stopwatch.GetTimestamp() < deadline)
                await Task.Delay(1, cancellationToken);
            if (received.TryGetValue(sensor, out var at))
                latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            else
                Console.WriteLine($"  {sensor}: no alert within 5 s");
            var authoritiesDeadline = sent + (long)(AuthoritiesTarget.TotalSeconds * Stopwatch.Frequency);
            while (!authorities.ContainsKey(sensor) && Stopwatch.GetTimestamp() < authoritiesDeadline)
                await Task.Delay(1, cancellationToken);
            if (authorities.TryGetValue(sensor, out var arrived))
                toAuthorities.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            else
                Console.WriteLine($"  {sensor}: not at the authorities' receiver within {AuthoritiesTarget.TotalSeconds:0} s");
            if (i % 20 == 0)
                Console.WriteLine($"  {i}/{events} fire events, last {latencies.LastOrDefault():0.0} ms; background {(background.Acked - backgroundAckedAtStart) * BackgroundReadingsPerMessage / Stopwatch.GetElapsedTime(loadStarted).TotalSeconds:N0} readings/s acked");
            await Task.Delay(200, cancellationToken);
        }
        var backgroundRate = (background.Acked - backgroundAckedAtStart) * BackgroundReadingsPerMessage / Stopwatch.GetElapsedTime(loadStarted).TotalSeconds;
        var usage = sampler.Window();
        await stopBackground.CancelAsync();
        await load.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        latencies.Sort();
        toAuthorities.Sort();
        double Percentile(double p) => PercentileOf(latencies, p);
        Console.WriteLine();
        Console.WriteLine($"fire events: {events}, alerts seen: {latencies.Count}");
        Console.WriteLine($"background: {backgroundRate:N0} readings/s acknowledged ({BackgroundMessagesPerSecond:N0} msg/s of {BackgroundReadingsPerMessage} readings asked)");
        Console.WriteLine($"detector publish -> alert on MQTT: p50 {Percentile(0.5):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {Percentile(1):0.0} ms (target {Target.TotalMilliseconds:0} ms)");
        Console.WriteLine($"detector publish -> authorities' receiver (signed safety webhook): p50 {PercentileOf(toAuthorities, 0.5):0.0} ms, p99 {PercentileOf(toAuthorities, 0.99):0.0} ms, max {PercentileOf(toAuthorities, 1):0.0} ms "
            + $"(target {AuthoritiesTarget.TotalSeconds:0} s, {toAuthorities.Count} of {events} received, {badSignatures} bad signatures)");
        foreach (var (name, u) in usage)
            Console.WriteLine($"  {name,-10} cpu {u.MeanCpuPercent,6:0.0} %  peak rss {u.PeakRssBytes / 1048576.0,7:0.0} MB");
        var ok = latencies.Count == events && Percentile(0.99) <= Target.TotalMilliseconds
            && toAuthorities.Count == events && badSignatures == 0 && PercentileOf(toAuthorities, 1) <= AuthoritiesTarget.TotalMilliseconds;
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    private static double PercentileOf(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>What the authorities' receiver does (src/Ingest/README.md, "Safety webhook"): HMAC-SHA256 over
    /// "timestamp.body" with the shared secret, compared in constant time.</summary>
    private static bool SignatureHolds(ReceivedWebhook request)
    {
        if (request.Timestamp is not { Length: > 0 } timestamp || request.Signature is null)
            return false;
        var material = System.Text.Encoding.ASCII.GetBytes(timestamp + ".").Concat(request.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SafetySecret), material));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(request.Signature));
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
