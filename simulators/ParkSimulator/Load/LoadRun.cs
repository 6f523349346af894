using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SmartPark.Simulator.Load;

/// <summary>A moment of a load run, as the progress line and the summary report it.</summary>
public sealed record LoadSnapshot(
    TimeSpan Elapsed, int Connected, long ConnectFailures, long Published, long Acknowledged, long Refused,
    long InFlight, double MessagesPerSecond, double ReadingsPerSecond, double AcksPerSecond, double CpuPercent, double WorkingSetMb);

/// <summary>What a run achieved, for the final summary.</summary>
public sealed record LoadSummary(int Devices, int PeakConnected, long Published, long Acknowledged, long Refused, long ConnectFailures,
    double HoldMessagesPerSecond, double HoldReadingsPerSecond, double HoldCpuPercent, double PeakWorkingSetMb)
{
    /// <summary>CPU (percent of one core) and memory per thousand connected devices, while holding.</summary>
    public double CpuPerThousand => PeakConnected == 0 ? 0 : HoldCpuPercent / (PeakConnected / 1000.0);
    public double MbPerThousand => PeakConnected == 0 ? 0 : PeakWorkingSetMb / (PeakConnected / 1000.0);
}

/// <summary>
/// Connects N devices evenly over the ramp, keeps them publishing at the given rate while they
/// hold, then disconnects them. One scheduler loop hands out publishes (no timer per device),
/// and in-flight publishes are capped so a slow broker shows up as backlog instead of memory.
/// </summary>
public sealed class LoadRun(LoadOptions options, ILogger logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly LoadDevice[] _devices = Enumerable.Range(0, options.Devices).Select(i => new LoadDevice(i, options)).ToArray();
    private long _published;
    private long _acknowledged;
    private long _refused;
    private long _inFlight;
    private long _connectFailures;
    private int _connected;

    public async Task<LoadSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = new ProcessUsage();
        var snapshots = new List<LoadSnapshot>();
        var connecting = ConnectAllAsync(cancellationToken);
        var scheduler = PublishAsync(publishing.Token, cancellationToken);
        var holdStarted = TimeSpan.Zero;
        var holdFrom = -1;
        var last = (At: TimeSpan.Zero, Published: 0L, Acked: 0L);
        using (var timer = new PeriodicTimer(options.ProgressEvery))
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    var now = started.Elapsed;
                    var published = Interlocked.Read(ref _published);
                    var acked = Interlocked.Read(ref _acknowledged);
                    var seconds = (now - last.At).TotalSeconds;
                    var (cpu, mb) = sampler.Sample();
                    var snapshot = new LoadSnapshot(now, Volatile.Read(ref _connected), Interlocked.Read(ref _connectFailures), published, acked,
                        Interlocked.Read(ref _refused), Interlocked.Read(ref _inFlight), (published - last.Published) / seconds,
                        (published - last.Published) * options.Sensors / seconds, (acked - last.Acked) / seconds, cpu, mb);
                    last = (now, published, acked);
                    snapshots.Add(snapshot);
                    logger.LogInformation("{Elapsed:0}s {Connected}/{Devices} connected ({Failures} failed), {Messages:0}/s batches, {Readings:0}/s readings, {Acks:0}/s acks, backlog {InFlight}, CPU {Cpu:0}% RSS {Mb:0} MB",
                        now.TotalSeconds, snapshot.Connected, options.Devices, snapshot.ConnectFailures, snapshot.MessagesPerSecond, snapshot.ReadingsPerSecond,
                        snapshot.AcksPerSecond, snapshot.InFlight, cpu, mb);
                    if (holdFrom < 0 && connecting.IsCompleted)
                    {
                        holdFrom = snapshots.Count;
                        holdStarted = now;
                        logger.LogInformation("Ramp done: {Connected} devices connected; holding for {Hold}s", snapshot.Connected, options.Hold.TotalSeconds);
                    }
                    if (holdFrom >= 0 && now - holdStarted >= options.Hold)
                        break;
                }
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("Stopping early");
            }
        }
        await publishing.CancelAsync();
        await scheduler;
        // Let the publishes in flight get their PUBACKs (bounded), so the summary counts them.
        var drainStarted = Stopwatch.GetTimestamp();
        while (Interlocked.Read(ref _inFlight) > 0 && Stopwatch.GetElapsedTime(drainStarted) < TimeSpan.FromSeconds(30) && !cancellationToken.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
        await connecting.ContinueWith(_ => { }, TaskScheduler.Default);
        var hold = holdFrom >= 0 ? snapshots.Skip(holdFrom).ToList() : [];
        // The first hold sample still carries the ramp's last connections: skip it when there are others.
        var steady = hold.Count > 1 ? hold.Skip(1).ToList() : hold;
        var summary = new LoadSummary(
            options.Devices,
            snapshots.Select(s => s.Connected).DefaultIfEmpty(0).Max(),
            Interlocked.Read(ref _published), Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _refused), Interlocked.Read(ref _connectFailures),
            steady.Select(s => s.MessagesPerSecond).DefaultIfEmpty(0).Average(),
            steady.Select(s => s.ReadingsPerSecond).DefaultIfEmpty(0).Average(),
            steady.Select(s => s.CpuPercent).DefaultIfEmpty(0).Average(),
            snapshots.Select(s => s.WorkingSetMb).DefaultIfEmpty(0).Max());
        await DisconnectAllAsync();
        return summary;
    }

    private async Task ConnectAllAsync(CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.ConnectConcurrency);
        var spacing = options.Devices > 1 ? options.Ramp / options.Devices : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(_devices.Length);
        for (var i = 0; i < _devices.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = spacing * i;
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await gate.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (cancellationToken.IsCancellationRequested)
                break;
            var device = _devices[i];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await device.ConnectAsync(cancellationToken);
                    Interlocked.Increment(ref _connected);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref _connectFailures) <= 5)
                        logger.LogWarning("Connect failed: {Error}", ex.Message);
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>Every tick, owes <c>connected × rate × tick</c> publishes and hands them round-robin to connected devices.</summary>
    /// <remarks><paramref name="stopScheduling"/> ends the run's publishing; publishes already sent
    /// keep <paramref name="cancellationToken"/> and so finish (acknowledged or refused) rather than
    /// being cancelled mid-flight and miscounted as refused.</remarks>
    private async Task PublishAsync(CancellationToken stopScheduling, CancellationToken cancellationToken)
    {
        if (options.Rate <= 0)
            return;
        using var timer = new PeriodicTimer(Tick);
        var owed = 0.0;
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stopScheduling))
            {
                owed += Volatile.Read(ref _connected) * options.Rate * Tick.TotalSeconds;
                var now = DateTimeOffset.UtcNow;
                for (var tries = 0; owed >= 1 && tries < _devices.Length; tries++)
                {
                    if (Interlocked.Read(ref _inFlight) >= options.MaxInFlight)
                        break; // backlog: what is owed carries over
                    var device = _devices[next];
                    next = (next + 1) % _devices.Length;
                    if (!device.IsConnected)
                        continue;
                    owed--;
                    Interlocked.Increment(ref _inFlight);
                    Interlocked.Increment(ref _published);
                    _ = PublishOneAsync(device, now, cancellationToken);
                }
                // Never owe more than one second's worth: a stalled broker must not cause a burst after.
                owed = Math.Min(owed, Math.Max(1, Volatile.Read(ref _connected) * options.Rate));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishOneAsync(LoadDevice device, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (await device.PublishAsync(now, cancellationToken))
                Interlocked.Increment(ref _acknowledged);
            else
                Interlocked.Increment(ref _refused);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _refused);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task DisconnectAllAsync()
    {
        logger.LogInformation("Disconnecting {Count} devices", Volatile.Read(ref _connected));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(_devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = CancellationToken.None }, async (device, _) =>
        {
            try
            {
                await device.DisconnectAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Leaving anyway: the broker drops the session when the socket closes.
            }
            device.Dispose();
        });
    }
}

/// <summary>This process's CPU (percent of one core since the last sample) and working set.</summary>
internal sealed class ProcessUsage
{
    private readonly Process _self = Process.GetCurrentProcess();
    private TimeSpan _lastCpu;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _lastWall;

    public ProcessUsage()
    {
        _lastCpu = _self.TotalProcessorTime;
    }

    public (double CpuPercent, double WorkingSetMb) Sample()
    {
        _self.Refresh();
        var cpu = _self.TotalProcessorTime;
        var wall = _wall.Elapsed;
        var percent = (cpu - _lastCpu).TotalMilliseconds / Math.Max(1, (wall - _lastWall).TotalMilliseconds) * 100;
        _lastCpu = cpu;
        _lastWall = wall;
        return (percent, _self.WorkingSet64 / 1024.0 / 1024.0);
    }
}
