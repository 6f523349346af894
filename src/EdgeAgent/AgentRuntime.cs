using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.EdgeAgent.Publishing;
using SmartPark.EdgeAgent.Sampling;
using SmartPark.Platform.Mqtt;

namespace SmartPark.EdgeAgent;

/// <summary>
/// One device's whole pipeline: samplers → durable outbox → publisher → broker, plus the
/// connection with its birth and last will. The agent host runs one; the park simulator runs
/// many in one process.
/// </summary>
public sealed class AgentRuntime : IAsyncDisposable
{
    // Longer than the embedded broker's DurableAckTimeout (5 s): its PUBACK now waits until a batch
    // is stored, so a flush must outlast one slow write; well inside the unit's TimeoutStopSec=20.
    private static readonly TimeSpan ShutdownFlushBudget = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan StatusCheckInterval = TimeSpan.FromSeconds(5);

    private readonly AgentOptions _options;
    private readonly IReadOnlyList<ISensorDriver> _drivers;
    private readonly SqliteOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxPublisher _publisher;
    private LocalFireAlarm? _fireAlarm;
    private readonly TaskCompletionSource _samplingDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastStatus;
    private long _lastDropped;

    private AgentRuntime(AgentOptions options, IReadOnlyList<ISensorDriver> drivers, SqliteOutbox outbox, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _drivers = drivers;
        _outbox = outbox;
        _time = time;
        _logger = loggers.CreateLogger<AgentRuntime>();
        var address = options.Address;
        var broker = options.Broker with { ClientId = string.IsNullOrEmpty(options.Broker.ClientId) ? options.Device : options.Broker.ClientId };
        Mqtt = new ResilientMqttClient(broker, loggers.CreateLogger<ResilientMqttClient>(), StatusMessages.Will(address));
        Mqtt.OnConnectedAsync = (_, ct) => PublishStatusAsync(force: true, ct);
        _publisher = new OutboxPublisher(outbox, Mqtt, address, options.PublishWindow, time, loggers.CreateLogger<OutboxPublisher>());
    }

    public ResilientMqttClient Mqtt { get; }

    /// <summary>Completes when every sampler has stored its <c>maxRounds</c>.</summary>
    public Task SamplingCompleted => _samplingDone.Task;

    public static async Task<AgentRuntime> CreateAsync(
        AgentOptions options,
        IReadOnlyList<ISensorDriver> drivers,
        ILoggerFactory loggers,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        AgentOptionsValidator.ThrowIfInvalid(options);
        var outbox = await SqliteOutbox.OpenAsync(options.OutboxPath, options.OutboxMaxBytes, cancellationToken).ConfigureAwait(false);
        return new AgentRuntime(options, drivers, outbox, time ?? TimeProvider.System, loggers);
    }

    /// <summary>
    /// Builds the drivers the options list (simulated twins and meters: there are no other buses),
    /// each behind its <see cref="ResilientDriver"/>: a sensor whose device is missing or failing
    /// reports flag D and is retried with backoff while the others keep reporting.
    /// </summary>
    public static IReadOnlyList<ISensorDriver> CreateDrivers(AgentOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null) =>
        options.Sensors
            .Select(s => DriverFactory.Resilient(s, DriverContext.Simulation(options.Park, options.Enterprise, options.Device), time ?? TimeProvider.System,
                loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
            .ToList();

    /// <summary>
    /// Builds the drivers the options list, the real ones on <paramref name="hardware"/>'s buses,
    /// each behind its <see cref="ResilientDriver"/> (see there for what a broken sensor reports).
    /// </summary>
    public static IReadOnlyList<ISensorDriver> CreateDrivers(AgentOptions options, HardwareContext hardware, ILoggerFactory? loggers = null, TimeProvider? time = null) =>
        options.Sensors
            .Select(s => DriverFactory.Resilient(s, new DriverContext(hardware, [options.Park, options.Enterprise, options.Device]), time ?? hardware.Time,
                loggers ?? hardware.Loggers))
            .ToList();

    /// <summary>Runs the device's local fire alarm with the agent and publishes its events at once.</summary>
    public void AttachFireAlarm(LocalFireAlarm alarm) => _fireAlarm = alarm;

    public Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken = default) => _outbox.GetStatsAsync(cancellationToken);

    public Task WaitUntilDrainedAsync(CancellationToken cancellationToken) => _publisher.WaitUntilEmptyAsync(cancellationToken);

    /// <summary>
    /// Runs until cancelled. <paramref name="maxRounds"/> stops each sampler after that many
    /// rounds (simulations, tests); publishing goes on until cancellation. On cancellation the
    /// outbox gets a short last chance to drain, then the agent says it is offline and leaves.
    /// </summary>
    public async Task RunAsync(long? maxRounds, CancellationToken cancellationToken)
    {
        using var connectionStop = new CancellationTokenSource();
        var connection = Mqtt.RunAsync(connectionStop.Token);
        using var publishStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = IgnoreCancellation(_publisher.RunAsync(publishStop.Token));
        _publisher.Notify();
        var fireAlarm = RunFireAlarm(cancellationToken);

        var sampling = _options.Sensors
            .GroupBy(s => s.IntervalMs)
            .Select(group =>
            {
                var ids = group.Select(s => s.Id).ToHashSet();
                var sampler = new SensorSampler(_drivers.Where(d => ids.Contains(d.SensorId)).ToList(),
                    TimeSpan.FromMilliseconds(group.Key), _outbox, _publisher.Notify, _time, _logger);
                return IgnoreCancellation(sampler.RunAsync(maxRounds, cancellationToken));
            })
            .ToList();
        _ = Task.WhenAll(sampling).ContinueWith(_ => _samplingDone.TrySetResult(), TaskScheduler.Default);
        var statusWatch = IgnoreCancellation(WatchStatusAsync(publishStop.Token));

        await Task.WhenAll(sampling).ConfigureAwait(false);
        await publishing.ConfigureAwait(false);
        await fireAlarm.ConfigureAwait(false);
        await statusWatch.ConfigureAwait(false);

        await FlushBrieflyAsync().ConfigureAwait(false);
        await SayOfflineAsync().ConfigureAwait(false);
        await connectionStop.CancelAsync().ConfigureAwait(false);
        await connection.ConfigureAwait(false);
        await Mqtt.DisconnectAsync().ConfigureAwait(false);
        var stats = await _outbox.GetStatsAsync(CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation("Agent {Device} stopped; {Pending} batches ({Readings} readings) stay in the outbox for next time",
            _options.Device, stats.PendingBatches, stats.PendingReadings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var driver in _drivers.OfType<IDisposable>())
            driver.Dispose();
        await Mqtt.DisposeAsync().ConfigureAwait(false);
        await _outbox.DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushBrieflyAsync()
    {
        if (!Mqtt.IsUp)
            return;
        using var budget = new CancellationTokenSource(ShutdownFlushBudget);
        var publishing = IgnoreCancellation(_publisher.RunAsync(budget.Token));
        try
        {
            _publisher.Notify();
            await _publisher.WaitUntilEmptyAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // What did not fit in the budget stays in the outbox.
        }
        await budget.CancelAsync().ConfigureAwait(false);
        await publishing.ConfigureAwait(false);
    }

    private async Task SayOfflineAsync()
    {
        if (!Mqtt.IsUp)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Mqtt.PublishAsync(StatusMessages.Offline(_options.Address, "agent stopped", _time.GetUtcNow()), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug("Could not publish offline status: {Error}", ex.Message);
        }
    }

    private Task RunFireAlarm(CancellationToken cancellationToken)
    {
        if (_fireAlarm is null)
            return Task.CompletedTask;
        var ids = _fireAlarm.SourceSensorIds.ToHashSet(StringComparer.Ordinal);
        var fireSensors = new SensorSampler(_drivers.Where(d => ids.Contains(d.SensorId)).ToList(),
            TimeSpan.FromSeconds(1), _outbox, _publisher.Notify, _time, _logger);
        return Task.WhenAll(
            IgnoreCancellation(_fireAlarm.RunAsync(cancellationToken)),
            IgnoreCancellation(new FireEventSampling(_fireAlarm, fireSensors, _logger).RunAsync(cancellationToken)));
    }

    private IReadOnlyList<SensorDescription> DescribeSensors() =>
        _options.Sensors
            .Select(s =>
            {
                var driver = _drivers.FirstOrDefault(d => d.SensorId == s.Id);
                var (flag, error) = driver is ISensorHealth watched ? watched.Health : (DataFlag.Normal, null);
                // A driver's exception text has no bound; the broker refuses a status whose error is longer than this.
                if (error is { Length: > DeviceStatusValidator.MaxErrorLength })
                    error = error[..(DeviceStatusValidator.MaxErrorLength - 1)] + "…";
                return new SensorDescription(s.Id, driver?.Quantities ?? [], s.IntervalMs, flag == DataFlag.Normal ? null : flag, error);
            })
            .ToList();

    /// <summary>
    /// Re-publishes the retained status when a sensor breaks or recovers, or the full outbox
    /// drops readings, so the loss and the fault are visible without asking the device.
    /// </summary>
    private async Task WatchStatusAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StatusCheckInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!Mqtt.IsUp)
                continue;
            try
            {
                await PublishStatusAsync(force: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // The connection dropped mid-publish; the next connect publishes the status anyway.
                _logger.LogDebug("Could not publish status: {Error}", ex.Message);
            }
        }
    }

    private async Task PublishStatusAsync(bool force, CancellationToken cancellationToken)
    {
        var stats = await _outbox.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        var sensors = DescribeSensors();
        var fingerprint = string.Join('|', sensors.Select(s => $"{s.Sensor}:{s.Flag}:{s.Error}:{s.Quantities.Count}")) + "|" + stats.ReadingsDropped;
        if (!force && fingerprint == _lastStatus)
            return;
        if (stats.ReadingsDropped > _lastDropped)
        {
            _logger.LogWarning("Outbox full ({MaxMegabytes} MB): {Dropped} oldest readings dropped so far; reported in the device status",
                _options.OutboxMaxMegabytes, stats.ReadingsDropped);
            _lastDropped = stats.ReadingsDropped;
        }
        await Mqtt.PublishAsync(StatusMessages.Online(_options.Address, sensors, _time.GetUtcNow(), stats.ReadingsDropped), cancellationToken).ConfigureAwait(false);
        _lastStatus = fingerprint;
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
