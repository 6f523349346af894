namespace SmartPark.IntegrationTests.Ingest;

/// <summary>The bureau outbox inside the real Ingest process, killed with SIGKILL while it retries.</summary>
public sealed class BureauWebhookKillTests : IDisposable
{
    private const string Secret = NotifierHost.TestSecret;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("bureau-kill-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private ProcessRunner StartIngest(Uri webhook)
    {
        var broker = FreePort.Next();
        return ProcessRunner.Start("dotnet",
        [
            RepositoryPaths.Output("src/Ingest", "SmartPark.Ingest.dll"),
            $"--Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--EmbeddedBroker:Port={broker}",
            $"--Ingest:Broker:Port={broker}",
            // No InfluxDB: this test is about the webhook alone (telemetry would go to the spool).
            $"--Influx:Url=http://127.0.0.1:{FreePort.Next()}/",
            $"--Ingest:SpoolDirectory={Path.Combine(_data, "spool")}",
            $"--Rollups:StateDirectory={Path.Combine(_data, "rollups")}",
            $"--Bureau:Webhook:Url={webhook}",
            $"--Bureau:Webhook:Secret={Secret}",
            "--Bureau:Webhook:AllowHttp=true",
            $"--Bureau:Webhook:OutboxDirectory={Path.Combine(_data, "bureau")}",
            "--Bureau:Webhook:InitialBackoff=00:00:00.020",
            "--Bureau:Webhook:MaxBackoff=00:00:00.200",
        ]);
    }

    [Fact]
    public async Task Notifications_survive_SIGKILL_of_Ingest_in_the_middle_of_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => 503;

        // What the engine stored before, in the outbox folder Ingest will use. Nobody listens at
        // this notifier's address, so it stores and retries, never delivers.
        await using (var engine = await NotifierHost.StartAsync(Path.Combine(_data, "bureau"), new Uri($"http://127.0.0.1:{FreePort.Next()}/never-sent"), Secret))
        {
            for (var sequence = 1; sequence <= 3; sequence++)
            {
                foreach (var alert in new[] { "a", "b" })
                    await engine.Notifier.EnqueueAsync(AlertSamples.Step(alert, sequence), default);
            }
        }

        await using (var ingest = StartIngest(receiver.Url))
        {
            await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 10, Timeout, "Ingest to retry against the refusing receiver");
            ingest.Kill();
        }
        Assert.DoesNotContain(receiver.Received, r => r.Status == 200);

        receiver.Respond = (_, _) => 200;
        await using var restarted = StartIngest(receiver.Url);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count(r => r.Status == 200)), n => n >= 6, Timeout, "all six notifications accepted after the restart");

        var accepted = receiver.Received.Where(r => r.Status == 200).ToList();
        Assert.Equal(6, accepted.Select(r => r.Key).Distinct().Count());
        Assert.Equal(["a:1", "a:2", "a:3"], accepted.Where(r => r.Key!.StartsWith("a:", StringComparison.Ordinal)).Select(r => r.Key));
        Assert.Equal(["b:1", "b:2", "b:3"], accepted.Where(r => r.Key!.StartsWith("b:", StringComparison.Ordinal)).Select(r => r.Key));
    }
}
