using System.Diagnostics;
using SmartPark.Bench.Load;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Scenarios;

/// <summary>
/// The broker's ceiling: publishers on many connections send batch-1 telemetry with QoS 1 as fast
/// as Mosquitto acknowledges; one plain MQTTnet subscriber that does nothing but count takes it.
/// Publishing pauses while more than a few Receive-Maximums' worth wait at the broker for the
/// subscriber: flooding Mosquitto's single thread with publishes would measure an overload (its
/// queue growing without end), not what it delivers. The rate is what the subscriber receives
/// once the flow is steady (the first second skipped).
/// </summary>
internal static class BrokerCeiling
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);

    public static async Task<PhaseResult> RunAsync(int brokerPort, BenchOptions options, ProcessSampler sampler, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Broker ceiling: {options.Publishers} publishers (QoS 1, 1 reading a message) → 1 counting subscriber, {options.CeilingDuration.TotalSeconds:0} s");
        await using var subscriber = await CountingSubscriber.StartAsync(brokerPort, "smartpark/v1/+/+/+/telemetry", options.SubscriberReceiveMaximum, cancellationToken);
        await using var publishers = await PublisherPool.ConnectAsync(brokerPort, options.Publishers, "ceiling", cancellationToken);

        sampler.BeginWindow();
        using var progress = Progress.Every(TimeSpan.FromSeconds(1), elapsed =>
            $"  {elapsed.TotalSeconds,4:0}s  acked {publishers.Acked,10:N0}  received {subscriber.Received,10:N0}  queued {publishers.Acked - subscriber.Received,8:N0}");
        var maxQueued = 4L * options.SubscriberReceiveMaximum;
        var plan = new LoadPlan("broker-ceiling", double.PositiveInfinity, 1, options.CeilingDuration)
        {
            MayPublish = () => publishers.Acked - subscriber.Received < maxQueued,
        };
        var publishing = publishers.RunAsync(plan, cancellationToken);

        await Task.Delay(Warmup, cancellationToken);
        var fromCount = subscriber.Received;
        var from = Stopwatch.GetTimestamp();
        await Task.Delay(options.CeilingDuration - Warmup, cancellationToken);
        var rate = (subscriber.Received - fromCount) / Stopwatch.GetElapsedTime(from).TotalSeconds;
        await publishing;
        progress.Dispose();
        var usage = sampler.Window();

        // Everything acknowledged should arrive: the broker is set up to queue, not drop.
        var received = await Poll.UntilAsync(() => Task.FromResult(subscriber.Received), n => n >= publishers.Acked,
            TimeSpan.FromSeconds(60), "the subscriber to receive every acknowledged message");
        Console.WriteLine($"  Broker ceiling: {rate:N0} msg/s ({publishers.Acked:N0} acknowledged, {received:N0} received, {publishers.Failed:N0} failed)  [{ResultReport.UsageLine(usage)}]");
        return new PhaseResult("Broker QoS 1 delivery", rate, publishers.Acked, received, usage);
    }
}
