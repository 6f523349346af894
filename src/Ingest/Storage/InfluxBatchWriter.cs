using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Consumer;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Resilience;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Gathers points from many messages into few InfluxDB writes (up to <c>MaxBatchPoints</c>, or
/// whatever arrived within <c>FlushInterval</c>) and acknowledges each message only once its
/// points are durable: in InfluxDB, or flushed to the <see cref="DiskSpool"/>. While InfluxDB is
/// down or slower than <c>DirectWriteTimeout</c>, batches go to the spool and a replay loop
/// feeds them to InfluxDB oldest first as soon as it answers again; new data keeps flowing to the
/// spool meanwhile. (Batches written concurrently may land in any order: every point has its own
/// series and timestamp, so the stored result is the same.) A full spool stops acknowledgements
/// (the broker then holds the messages) instead of dropping anything. The in-memory queue is
/// bounded too.
/// </summary>
public sealed class InfluxBatchWriter : BackgroundService
{
    private static readonly TimeSpan SpoolFullRetry = TimeSpan.FromMilliseconds(200);
    // Short caps: InfluxDB on the same machine is usually back within seconds, and the spool waits meanwhile.
    private static readonly ExponentialBackoff ReplayBackoff = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
    private static readonly ExponentialBackoff DatabaseBackoff = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    /// <summary>Writes spent finding the refused lines of one spool record before keeping the rest of it whole.</summary>
    private const int MaxWritesToFindRefusedLines = 64;

    private readonly InfluxV1Client _influx;
    private readonly IngestOptions _options;
    private readonly IngestMetrics _metrics;
    private readonly ILogger<InfluxBatchWriter> _logger;
    private readonly Channel<PendingWrite> _queue;
    private readonly DiskSpool _spool;
    private readonly SpoolDeadLetters _deadLetters;
    private readonly LogThrottle _refusalLog = new(TimeProvider.System, TimeSpan.FromMinutes(1));
    private readonly TaskCompletionSource _databaseReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> _replayWake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile bool _spooling;
    private volatile bool _spoolFull;
    private volatile bool _running;
    private volatile bool _closed;
    private int _wakeAt = int.MaxValue;
    private TaskCompletionSource? _enough;

    public InfluxBatchWriter(InfluxV1Client influx, IOptions<IngestOptions> options, IngestMetrics metrics, ILogger<InfluxBatchWriter> logger)
    {
        _influx = influx;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.MaxPendingMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _spool = new DiskSpool(_options.SpoolDirectory, _options.MaxSpoolBytes);
        _deadLetters = new SpoolDeadLetters(_options.SpoolDirectory);
        // Whatever a previous run left in the spool goes first.
        _spooling = !_spool.IsEmpty;
        metrics.ObserveSpool(() => _spool.Bytes);
    }

    /// <summary>Raised with the line protocol of points that InfluxDB has stored; may be raised from
    /// several writes (and the spool replay) at once, so handlers must be thread-safe.</summary>
    public event Action<IReadOnlyList<string>>? Stored;

    public DateTimeOffset? LastSuccess { get; private set; }
    public string? LastError { get; private set; }
    public int Pending => _queue.Reader.Count;
    public long SpoolBytes => _spool.Bytes;
    public bool Spooling => _spooling;

    /// <summary>Where spooled points InfluxDB refused for good are kept.</summary>
    public SpoolDeadLetters SpoolDeadLetters => _deadLetters;

    /// <summary>True once the writer takes writes and its spool replay has begun, until it stops.</summary>
    public bool IsRunning => _running && !_closed;

    /// <summary>What <see cref="TryEnqueue"/> would answer now, without queueing anything: lets a
    /// caller refuse a message before doing work (feeding the alert engine) it would have to undo.</summary>
    public WriteAdmission Admission =>
        !IsRunning ? WriteAdmission.Closed
        : _spoolFull ? WriteAdmission.SpoolFull
        : _queue.Reader.Count >= _options.MaxPendingMessages ? WriteAdmission.QueueFull
        : WriteAdmission.Queued;

    /// <summary>
    /// Queues the write unless the writer cannot take it now: the in-memory queue is at its bound,
    /// or InfluxDB is down and the spool is full (a write would only wait, holding its publisher).
    /// For a caller that can say no to its sender, where <see cref="EnqueueAsync"/> waits for room.
    /// </summary>
    public WriteAdmission TryEnqueue(PendingWrite write)
    {
        var admission = Admission;
        if (admission != WriteAdmission.Queued)
            return admission;
        if (!_queue.Writer.TryWrite(write))
            return _closed ? WriteAdmission.Closed : WriteAdmission.QueueFull;
        WakeGathererIfEnough();
        return WriteAdmission.Queued;
    }

    public ValueTask EnqueueAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(write))
            return EnqueueWhenRoomAsync(write, cancellationToken);
        WakeGathererIfEnough();
        return ValueTask.CompletedTask;
    }

    private async ValueTask EnqueueWhenRoomAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(write, cancellationToken);
        WakeGathererIfEnough();
    }

    /// <summary>The gatherer sleeps until a batch's worth is queued (or its flush interval ends),
    /// rather than being woken by every message: a wake-up per message was a thread switch per
    /// message, the largest cost left in perf after the timers.</summary>
    private void WakeGathererIfEnough()
    {
        if (_queue.Reader.Count >= Volatile.Read(ref _wakeAt))
            Volatile.Read(ref _enough)?.TrySetResult();
    }

    /// <summary>SIGTERM: take no more, store and acknowledge what is queued (spool if need be), then stop.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _spool.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The replay loop also ends once the queue is drained on stop: StopAsync does not cancel
        // stoppingToken, so waiting for that alone held every shutdown for the host's full timeout.
        using var replayStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var replay = Task.Run(() => ReplayLoopAsync(replayStop.Token), CancellationToken.None);
        _running = true;
        var reader = _queue.Reader;
        // Batches being stored, oldest first. Up to MaxConcurrentWrites writes overlap: InfluxDB
        // answers each only after its WAL fsync, and one write at a time left it mostly idle while
        // the broker's backlog grew. Messages are still acknowledged strictly in arrival order (as
        // MQTT asks) and only once their own batch is durable.
        var storing = new Queue<StoringBatch>();
        Task<bool>? more = null;
        // Runs until the queue is completed and drained; not on stoppingToken, so a stop flushes.
        while (true)
        {
            while (storing.Count > 0 && (storing.Peek().Stored.IsCompleted || storing.Count >= _options.MaxConcurrentWrites))
                await AcknowledgeAsync(storing.Dequeue());
            more ??= reader.WaitToReadAsync(CancellationToken.None).AsTask();
            if (storing.Count > 0 && !more.IsCompleted)
            {
                // Acknowledge the oldest batch as soon as it is stored, even if nothing new comes.
                await Task.WhenAny(more, storing.Peek().Stored);
                continue;
            }
            if (!await more)
                break;
            more = null;
            var (batch, points) = await GatherAsync(reader, storing);
            if (batch.Count > 0)
                storing.Enqueue(new StoringBatch(StoreAsync(batch, points), batch));
        }
        while (storing.Count > 0)
            await AcknowledgeAsync(storing.Dequeue());
        await replayStop.CancelAsync();
        await replay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Up to <c>MaxBatchPoints</c>, or whatever arrives within <c>FlushInterval</c>. Waiting is cut
    /// short when no more can come (every message the broker may have unacknowledged with us,
    /// <c>ReceiveMaximum</c>, is here or being stored) or when the oldest batch being stored is
    /// done, so its acknowledgements, which let the broker send more, do not wait for this one.
    /// While waiting, the gatherer is woken once, when enough has been queued to fill the batch,
    /// not per message; and one timer serves the whole batch (a timer per wait was a quarter of
    /// Ingest's CPU in perf at tens of thousands of messages a second).
    /// </summary>
    private async Task<(List<PendingWrite> Batch, int Points)> GatherAsync(ChannelReader<PendingWrite> reader, Queue<StoringBatch> storing)
    {
        var batch = new List<PendingWrite>();
        var points = 0;
        var inFlight = 0;
        foreach (var b in storing)
            inFlight += b.Batch.Count;
        var oldest = storing.Count > 0 ? storing.Peek().Stored : null;
        Task? flushDue = null;
        while (points < _options.MaxBatchPoints && batch.Count + inFlight < _options.ReceiveMaximum)
        {
            if (reader.TryRead(out var item))
            {
                batch.Add(item);
                points += item.Lines.Count;
                continue;
            }
            if (oldest is { IsCompleted: true } || flushDue is { IsCompleted: true } || reader.Completion.IsCompleted)
                break;
            // Group commit for publishers that wait on their write: with nothing being stored, write
            // now; while a write is under way, gather what arrives until it is done (above).
            if (oldest is null && batch.Count > 0 && batch[^1].PublisherWaits)
                break;
            flushDue ??= Task.Delay(_options.FlushInterval);
            var pointsPerMessage = Math.Max(1, points / Math.Max(1, batch.Count));
            var wanted = Math.Min(
                _options.ReceiveMaximum - inFlight - batch.Count,
                Math.Max(1, (_options.MaxBatchPoints - points) / pointsPerMessage));
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _enough, enough);
            Volatile.Write(ref _wakeAt, wanted);
            // A message queued between TryRead and here would not have woken us: look again.
            if (reader.Count < wanted)
                await Task.WhenAny(enough.Task, flushDue, oldest ?? flushDue, reader.Completion);
            Volatile.Write(ref _wakeAt, int.MaxValue);
        }
        return (batch, points);
    }

    private async Task AcknowledgeAsync(StoringBatch storing)
    {
        await storing.Stored;
        foreach (var write in storing.Batch)
            await AcknowledgeQuietlyAsync(write);
    }

    private sealed record StoringBatch(Task Stored, List<PendingWrite> Batch);

    /// <summary>Makes the batch durable: straight into InfluxDB when it answers in time, else the spool.</summary>
    private async Task StoreAsync(List<PendingWrite> batch, int points)
    {
        var lines = batch.SelectMany(w => w.Lines).ToList();
        if (!_spooling && _databaseReady.Task.IsCompletedSuccessfully)
        {
            try
            {
                await WriteOnceAsync(lines, points);
                return;
            }
            catch (InfluxException ex) when (ex.IsPermanent)
            {
                await StoreOneByOneAsync(batch, ex);
                return;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                _metrics.WriteFailures.Add(1);
                LastError = ex.Message;
                _logger.LogWarning("InfluxDB write of {Points} points failed ({Error}); spooling to disk until it recovers", points, ex.Message);
                _spooling = true;
            }
        }
        await SpoolAsync(lines);
    }

    /// <summary>InfluxDB refused the batch for good (HTTP 400): store its messages one by one so
    /// only the bad one is dead-lettered.</summary>
    private async Task StoreOneByOneAsync(List<PendingWrite> batch, InfluxException refusal)
    {
        _logger.LogWarning("InfluxDB refused a batch of {Messages} messages ({Error}); storing them one by one", batch.Count, refusal.Message);
        foreach (var write in batch)
        {
            try
            {
                await WriteOnceAsync(write.Lines, write.Lines.Count);
            }
            catch (InfluxException refused) when (refused.IsPermanent)
            {
                await write.RefusedAsync($"InfluxDB refused the points: {refused.Body?.Trim()}");
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                _spooling = true;
                await SpoolAsync(write.Lines);
            }
        }
    }

    private async Task SpoolAsync(IReadOnlyList<string> lines)
    {
        var waited = false;
        while (!_spool.TryAppend(lines))
        {
            // New publishes the writer may refuse (TryEnqueue) are refused until the spool takes this.
            _spoolFull = true;
            if (!waited)
            {
                _logger.LogWarning("Spool full ({Bytes} of {Max} bytes): holding acknowledgements until InfluxDB drains it", _spool.Bytes, _spool.MaxBytes);
                _metrics.SpoolFull.Add(1);
                waited = true;
            }
            _replayWake.Writer.TryWrite(true);
            await Task.Delay(SpoolFullRetry);
        }
        _spoolFull = false;
        _metrics.PointsSpooled.Add(lines.Count);
        _replayWake.Writer.TryWrite(true);
    }

    /// <summary>Feeds the spool to InfluxDB, oldest first, whenever it holds anything.</summary>
    private async Task ReplayLoopAsync(CancellationToken stoppingToken)
    {
        await EnsureDatabaseAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var segment = _spool.Oldest();
            if (segment is null)
            {
                if (_spooling)
                {
                    _spooling = false;
                    _logger.LogInformation("Spool replayed; writing straight to InfluxDB again");
                }
                try
                {
                    await _replayWake.Reader.WaitToReadAsync(stoppingToken);
                    _replayWake.Reader.TryRead(out _);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }

            try
            {
                await ReplayAsync(segment);
                _spool.Complete(segment);
                failures = 0;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                LastError = ex.Message;
                _logger.LogDebug("Spool replay waits for InfluxDB: {Error}", ex.Message);
                try
                {
                    await Task.Delay(ReplayBackoff.Delay(++failures), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Writes a segment's records in batches. A crash half-way replays the segment again,
    /// which rewrites the same points: harmless.</summary>
    private async Task ReplayAsync(SpoolSegment segment)
    {
        var chunk = new List<string>();
        var records = new List<(int Index, IReadOnlyList<string> Lines)>();
        var index = 0;
        foreach (var record in DiskSpool.Read(segment))
        {
            records.Add((index++, record));
            chunk.AddRange(record);
            if (chunk.Count >= _options.MaxBatchPoints)
            {
                await WriteReplayedAsync(segment, records, chunk);
                chunk.Clear();
                records.Clear();
            }
        }
        if (chunk.Count > 0)
            await WriteReplayedAsync(segment, records, chunk);
        _logger.LogInformation("Replayed spool segment {Segment}", segment.Number);
    }

    /// <summary>
    /// A chunk InfluxDB refuses for good is written again record by record, and the lines it
    /// refuses are dead-lettered (<see cref="SpoolDeadLetters"/>), never dropped; the replay then
    /// goes on, so one bad record cannot hold the spool (and every acknowledgement after it) back.
    /// A transient failure propagates: the segment is replayed again once InfluxDB answers.
    /// </summary>
    private async Task WriteReplayedAsync(SpoolSegment segment, List<(int Index, IReadOnlyList<string> Lines)> records, List<string> chunk)
    {
        try
        {
            await WriteOnceAsync(chunk, chunk.Count);
            return;
        }
        catch (InfluxException ex) when (ex.IsPermanent)
        {
            _logger.LogWarning("InfluxDB refused a replayed chunk of spool segment {Segment} ({Error}); finding the refused records", segment.Number, ex.Message);
        }
        foreach (var (index, lines) in records)
        {
            var refused = await RefusedLines.FindAsync(lines, part => WriteOnceAsync(part, part.Count), MaxWritesToFindRefusedLines);
            if (refused.Lines.Count == 0)
                continue;
            var file = _deadLetters.Keep(segment.Number, index, refused.Lines, refused.Reasons, DateTimeOffset.UtcNow);
            _metrics.PointsRefused.Add(refused.Lines.Count);
            _metrics.SpoolRecordsDeadLettered.Add(1);
            if (_refusalLog.ShouldLog("spool-refused", out var heldBack))
            {
                _logger.LogError(
                    "InfluxDB refused {Points} spooled points for good ({Error}); kept in {File}, replay goes on ({HeldBack} more such records since the last log)",
                    refused.Lines.Count, refused.Reasons[0].Trim(), file, heldBack);
            }
        }
    }

    private async Task WriteOnceAsync(IReadOnlyList<string> lines, int points)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.DirectWriteTimeout);
        await _influx.WriteAsync(lines, timeout.Token);
        _metrics.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _metrics.PointsWritten.Add(points);
        LastSuccess = DateTimeOffset.UtcNow;
        LastError = null;
        Stored?.Invoke(lines);
    }

    private static bool IsTransient(Exception ex) =>
        ex is InfluxException { IsPermanent: false } or HttpRequestException or TaskCanceledException or OperationCanceledException;

    private async Task AcknowledgeQuietlyAsync(PendingWrite write)
    {
        try
        {
            await write.AcknowledgeAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The broker will deliver the message again; its points land on the same series and
            // timestamps, so the second write changes nothing.
            _logger.LogDebug("Acknowledgement not sent (will be redelivered): {Error}", ex.Message);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _influx.EnsureDatabaseAsync(cancellationToken);
                _logger.LogInformation("InfluxDB database {Database} ready", _influx.Database);
                _databaseReady.TrySetResult();
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                LastError = ex.Message;
                // Until the database exists, batches go to the spool rather than wait in memory.
                _spooling = true;
                var delay = DatabaseBackoff.Delay(++failures);
                _logger.LogWarning("InfluxDB not ready ({Error}); spooling, retrying in {Delay}", ex.Message, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
