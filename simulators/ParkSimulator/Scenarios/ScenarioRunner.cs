using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Mqtt;
using SmartPark.Simulator.Checking;

namespace SmartPark.Simulator.Scenarios;

/// <summary>How to run a scenario and, with <see cref="Check"/>, where to watch the system.</summary>
public sealed record ScenarioRunOptions
{
    public required SimulationOptions Simulation { get; init; }
    public bool Check { get; init; }
    /// <summary>Login of the watcher (the dashboard's account, or anonymous on an open broker).</summary>
    public string? WatchUsername { get; init; }
    public string? WatchPassword { get; init; }
    public InfluxOptions? Influx { get; init; }
    /// <summary>How long after the end the check waits for late alerts and stored readings (wall time).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>The broker, when the run controls it (the integration suite); needed by broker-restart events.</summary>
    public IBrokerControl? Broker { get; init; }
    /// <summary>What the people of the duty roster received so far (the integration suite's SMTP server and SMS
    /// gateway); needed by notified and not-notified expectations.</summary>
    public Func<IReadOnlyList<NotificationSighting>>? Notifications { get; init; }
}

/// <summary>The verdicts of a checked run (empty for an unchecked one).</summary>
public sealed record ScenarioOutcome(IReadOnlyList<CheckResult> Results, long Produced, long Pending)
{
    public bool Passed => Results.All(r => r.Passed);
}

/// <summary>
/// Runs a scenario: the park's devices (the real agent pipeline, scenario-bent drivers, a
/// simulated clock), the timed network and rogue-device events, and with --check a watcher on
/// the alert and dead-letter topics plus a count in InfluxDB at the end.
/// </summary>
public sealed class ScenarioRunner(Scenario scenario, ScenarioRunOptions options, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("scenario");

    public async Task<ScenarioOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var park = scenario.Park;
        if (options.Broker is null && scenario.Events.OfType<BrokerRestart>().Any())
            throw new InvalidOperationException("the scenario restarts the broker, which only a run that controls the broker can do (the integration suite's harness); a running system's broker is not simulate's to stop");
        if (options.Check && options.Notifications is null && scenario.Expectations.Any(x => x is NotifiedExpectation or NotNotifiedExpectation))
            throw new InvalidOperationException("the scenario expects notifications to people, which only a run that receives them can check (the integration suite's SMTP server and SMS gateway)");
        var clock = SimulatedClock.For(scenario.Speed, scenario.StartTimeOfDay, scenario.Duration ?? TimeSpan.Zero, TimeProvider.System.GetUtcNow());
        var sim = options.Simulation with
        {
            Seed = scenario.Seed,
            IntervalOverrideMs = scenario.SampleEvery is { } every ? (int)every.TotalMilliseconds : options.Simulation.IntervalOverrideMs,
            // A reconnect back-off of 5 s is 5 simulated minutes at speed 60: an outage would
            // look that much longer than the scenario made it.
            MaxReconnectDelay = scenario.Accelerated ? TimeSpan.FromSeconds(1) : options.Simulation.MaxReconnectDelay,
        };
        _log.LogInformation("Scenario {Name}: park {Park}, speed {Speed}x, simulated start {SimStart:yyyy-MM-dd HH:mm} (UTC), length {Length}, {Events} events, {Expectations} expectations",
            scenario.Name, park.Park.Id, scenario.Speed, clock.SimStart, scenario.Duration is { } d ? SimDuration.Format(d) : "until stopped", scenario.Events.Count, scenario.Expectations.Count);
        foreach (var assumption in scenario.Assumes)
            _log.LogInformation("Assumes Ingest runs rule {Rule} for park {Park} with hold-off {HoldOff} min-silence {MinSilence}", assumption.Rule, park.Park.Id, assumption.HoldOff ?? "default", assumption.MinSilence ?? "default");

        await using var watcher = options.Check ? await StartWatcherAsync(sim, cancellationToken) : null;
        var links = new Dictionary<string, NetworkLink>();
        foreach (var device in scenario.Events.OfType<DeviceOffline>().Select(e => e.Device).Distinct())
            links[device] = new NetworkLink(sim.BrokerHost, sim.BrokerPort);
        var runtimes = new List<AgentRuntime>();
        var byDevice = new Dictionary<string, AgentRuntime>();
        try
        {
            foreach (var enterprise in park.Enterprises)
            {
                foreach (var device in enterprise.Devices)
                {
                    var agent = ParkSimulation.AgentOptionsFor(park, enterprise, device, sim);
                    if (links.TryGetValue(device.Id, out var link))
                        agent.Broker = agent.Broker with { Port = link.Port };
                    var drivers = AgentRuntime.CreateDrivers(agent)
                        .Select(d => new ScenarioDriver(d, enterprise.Id, device.Id, clock.SimStart, scenario.Events, scenario.Seed))
                        .ToList();
                    var runtime = await AgentRuntime.CreateAsync(agent, drivers, loggers, clock, cancellationToken);
                    runtimes.Add(runtime);
                    byDevice[device.Id] = runtime;
                }
            }

            using var stopDevices = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = Task.WhenAll(runtimes.Select(r => r.RunAsync(null, stopDevices.Token)));
            var events = RunTimedEventsAsync(clock, links, byDevice, stopDevices.Token);
            var progress = ReportProgressAsync(clock, runtimes, watcher, stopDevices.Token);
            if (scenario.Duration is { } length && !scenario.Continue)
                await DelayUntilAsync(clock.ToWall(clock.SimStart + length), cancellationToken);
            else
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            var ended = TimeProvider.System.GetUtcNow();
            await stopDevices.CancelAsync();
            await Task.WhenAll(running, events, progress);
            // The devices stop when the wall clock says, which on a busy machine is a few hundred
            // milliseconds (at speed 60, several simulated seconds) after the scenario's length:
            // no reading is stamped later than now, so now (not the length) bounds the count.
            var lastReadingAt = clock.GetUtcNow();

            var (produced, pending) = await TotalsAsync(runtimes);
            _log.LogInformation("Scenario {Name} ended: {Produced} readings produced, {Pending} still in outboxes", scenario.Name, produced, pending);
            if (watcher is null || cancellationToken.IsCancellationRequested)
                return new ScenarioOutcome([], produced, pending);
            return await CheckAsync(clock, watcher, produced, pending, ended, lastReadingAt, cancellationToken);
        }
        finally
        {
            foreach (var runtime in runtimes)
                await runtime.DisposeAsync();
            foreach (var link in links.Values)
                await link.DisposeAsync();
        }
    }

    private async Task<SystemWatcher> StartWatcherAsync(SimulationOptions sim, CancellationToken cancellationToken)
    {
        var endpoint = new MqttEndpointOptions
        {
            Host = sim.BrokerHost,
            Port = sim.BrokerPort,
            // It reads as the dashboard account, so its client id is one a dashboard may use.
            ClientId = ServiceClientIds.For(ServiceRoles.Dashboard) + "-check-" + Guid.NewGuid().ToString("N")[..8],
            Username = options.WatchUsername,
            Password = options.WatchPassword,
            Tls = sim.Tls,
        };
        return await SystemWatcher.StartAsync(endpoint, scenario.Park.Park.Id, cancellationToken: cancellationToken);
    }

    /// <summary>The events the drivers cannot play by themselves: network cuts and rogue publishes.</summary>
    private async Task RunTimedEventsAsync(SimulatedClock clock, Dictionary<string, NetworkLink> links, Dictionary<string, AgentRuntime> devices, CancellationToken cancellationToken)
    {
        var actions = new List<(TimeSpan At, string What, Func<Task> Act)>();
        foreach (var e in scenario.Events)
        {
            switch (e)
            {
                case DeviceOffline off:
                    actions.Add((off.At, off.Describe(), () => { links[off.Device].Cut(); return Task.CompletedTask; }));
                    actions.Add((off.At + off.Duration, $"{off.Device} back online", () => { links[off.Device].Restore(); return Task.CompletedTask; }));
                    break;
                case BrokerRestart restart:
                    actions.Add((restart.At, restart.Describe(), () => options.Broker!.StopAsync(cancellationToken)));
                    actions.Add((restart.At + restart.DownFor, "broker back", () => options.Broker!.StartAsync(cancellationToken)));
                    break;
                case BadPublish bad:
                    actions.Add((bad.At, bad.Describe(), async () =>
                    {
                        var accepted = await RogueDevice.PublishAsync(bad, scenario.Park, devices[bad.Device].Mqtt, clock.GetUtcNow(), cancellationToken);
                        _log.LogInformation("{Device}: the broker acknowledged {Accepted} of {Count} rogue publishes as accepted", bad.Device, accepted, bad.Count);
                    }
                    ));
                    break;
                default:
                    actions.Add((e.At, e.Describe(), () => Task.CompletedTask));
                    break;
            }
        }
        foreach (var (at, what, act) in actions.OrderBy(a => a.At))
        {
            if (!await DelayUntilAsync(clock.ToWall(clock.SimStart + at), cancellationToken))
                return;
            _log.LogInformation("+{At} {Event}", SimDuration.Format(at), what);
            try
            {
                await act();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogWarning("+{At} {Event} failed: {Error}", SimDuration.Format(at), what, ex.Message);
            }
        }
    }

    private async Task ReportProgressAsync(SimulatedClock clock, List<AgentRuntime> runtimes, SystemWatcher? watcher, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.ProgressEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var (produced, pending) = await TotalsAsync(runtimes);
                var connected = runtimes.Count(r => r.Mqtt.IsUp);
                _log.LogInformation("Progress +{Sim} simulated: {Connected}/{Devices} devices connected, {Produced} readings produced, {Pending} pending, {Alerts} alert updates seen",
                    SimDuration.Format(clock.Elapsed(TimeProvider.System.GetUtcNow())), connected, runtimes.Count, produced, pending, watcher?.Alerts.Count ?? 0);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<ScenarioOutcome> CheckAsync(SimulatedClock clock, SystemWatcher watcher, long produced, long pending, DateTimeOffset ended, DateTimeOffset lastReadingAt, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var stored = options.Influx is { } influxOptions ? new StoredReadings(new InfluxV1Client(http, influxOptions)) : null;
        var latestDeadline = scenario.Expectations.Select(x => x switch
        {
            AlertExpectation a => a.ClearedBy ?? a.By,
            DeadLetterExpectation l => l.By,
            NotifiedExpectation n => n.By,
            _ => TimeSpan.Zero,
        }).DefaultIfEmpty(TimeSpan.Zero).Max();
        var giveUpAt = Max(clock.ToWall(clock.SimStart + latestDeadline), TimeProvider.System.GetUtcNow()) + options.Grace;
        _log.LogInformation("Checking {Count} expectations (waiting at most until {GiveUp:HH:mm:ss} UTC)", scenario.Expectations.Count, giveUpAt);

        IReadOnlyList<CheckResult> results;
        while (true)
        {
            var seen = new Observations
            {
                Alerts = watcher.Alerts,
                DeadLetters = watcher.DeadLetters,
                Notifications = options.Notifications?.Invoke() ?? [],
                Produced = produced,
                Pending = pending,
                RunEnded = ended,
                Stored = stored is null ? null : await stored.CountAsync(scenario.Park.Park.Id, clock.SimStart, lastReadingAt, cancellationToken),
                Forbidden = stored is null ? new Dictionary<(string, string), long>() : await ForbiddenAsync(stored, cancellationToken),
            };
            results = ExpectationChecker.Judge(scenario, clock, seen);
            if (results.All(r => r.Passed) || TimeProvider.System.GetUtcNow() >= giveUpAt)
                break;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        return new ScenarioOutcome(results, produced, pending);
    }

    private async Task<Dictionary<(string, string), long>> ForbiddenAsync(StoredReadings stored, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var x in scenario.Expectations.OfType<NotStoredExpectation>())
            counts[(x.Device, x.Sensor)] = await stored.CountSensorAsync(x.Device, x.Sensor, cancellationToken);
        return counts;
    }

    private static async Task<(long Produced, long Pending)> TotalsAsync(List<AgentRuntime> runtimes)
    {
        long produced = 0, pending = 0;
        foreach (var runtime in runtimes)
        {
            var stats = await runtime.GetStatsAsync();
            produced += stats.ReadingsStored;
            pending += stats.PendingReadings;
        }
        return (produced, pending);
    }

    /// <summary>Waits for a wall-clock instant; false when cancelled first.</summary>
    private static async Task<bool> DelayUntilAsync(DateTimeOffset wall, CancellationToken cancellationToken)
    {
        var wait = wall - TimeProvider.System.GetUtcNow();
        if (wait <= TimeSpan.Zero)
            return !cancellationToken.IsCancellationRequested;
        try
        {
            await Task.Delay(wait, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The report a person reads: one line per expectation, then the verdict.</summary>
    public static string Report(Scenario scenario, ScenarioOutcome outcome)
    {
        var lines = new List<string> { $"Scenario {scenario.Name} ({Path.GetFileName(scenario.SourcePath)}): {outcome.Produced.ToString(CultureInfo.InvariantCulture)} readings produced" };
        foreach (var r in outcome.Results)
            lines.Add($"  {(r.Passed ? "PASS" : "FAIL")}  {r.Expectation.Describe()}: {r.Detail}");
        var failed = outcome.Results.Count(r => !r.Passed);
        lines.Add(failed == 0 ? $"All {outcome.Results.Count} expectations met." : $"{failed} of {outcome.Results.Count} expectations failed.");
        return string.Join(Environment.NewLine, lines);
    }
}
