using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Consumer;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Gathers points from many messages into few InfluxDB writes (up to <c>MaxBatchPoints</c>, or
/// whatever arrived within <c>FlushInterval</c>) and acknowledges each message only once its
/// points are durable: in InfluxDB, or flushed to the <see cref="DiskSpool"/>. While InfluxDB is
/// down or slower than <c>DirectWriteTimeout</c>, batches go to the spool and a replay loop
/// feeds them to InfluxDB oldest first as soon as it answers again; new data keeps flowing to the
/// spool meanwhile, so order is kept. A full spool stops acknowledgements (the broker then holds
/// the messages) instead of dropping anything. The in-memory queue is bounded too.
/// </summary>
public sealed class InfluxBatchWriter : BackgroundService
{
    private static readonly TimeSpan SpoolFullRetry = TimeSpan.FromMilliseconds(200);

    private readonly InfluxV1Client _influx;
    private readonly IngestOptions _options;
    private readonly IngestMetrics _metrics;
    private readonly ILogger<InfluxBatchWriter> _logger;
    private readonly Channel<PendingWrite> _queue;
    private readonly DiskSpool _spool;
    private readonly TaskCompletionSource _databaseReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> _replayWake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile bool _spooling;

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
        // Whatever a previous run left in the spool goes first.
        _spooling = !_spool.IsEmpty;
        metrics.ObserveSpool(() => _spool.Bytes);
    }

    /// <summary>Raised with the line protocol of points that InfluxDB has stored.</summary>
    public event Action<IReadOnlyList<string>>? Stored;

    public DateTimeOffset? LastSuccess { get; private set; }
    public string? LastError { get; private set; }
    public int Pending => _queue.Reader.Count;
    public long SpoolBytes => _spool.Bytes;
    public bool Spooling => _spooling;

    public ValueTask EnqueueAsync(PendingWrite write, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(write, cancellationToken);

    /// <summary>SIGTERM: take no more, store and acknowledge what is queued (spool if need be), then stop.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _spool.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // StopAsync is overridden (to drain the queue first), so stoppingToken never fires by
        // itself: the replay loop gets its own token, cancelled once the queue is drained. What it
        // has not replayed stays in the spool for the next start.
        using var stopReplay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var replay = Task.Run(() => ReplayLoopAsync(stopReplay.Token), CancellationToken.None);
        var batch = new List<PendingWrite>();
        var reader = _queue.Reader;
        // Runs until the queue is completed and drained; not on stoppingToken, so a stop flushes.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var points = 0;
            var deadline = Stopwatch.GetTimestamp() + (long)(_options.FlushInterval.TotalSeconds * Stopwatch.Frequency);
            while (points < _options.MaxBatchPoints)
            {
                if (reader.TryRead(out var item))
                {
                    batch.Add(item);
                    points += item.Lines.Count;
                    continue;
                }
                var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (remaining <= TimeSpan.Zero || !await WaitForMoreAsync(reader, remaining))
                    break;
            }

            await StoreAsync(batch, points);
            foreach (var write in batch)
                await AcknowledgeQuietlyAsync(write);
            batch.Clear();
        }
        await stopReplay.CancelAsync();
        await replay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<PendingWrite> reader, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

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
            if (!waited)
            {
                _logger.LogWarning("Spool full ({Bytes} of {Max} bytes): holding acknowledgements until InfluxDB drains it", _spool.Bytes, _spool.MaxBytes);
                _metrics.SpoolFull.Add(1);
                waited = true;
            }
            _replayWake.Writer.TryWrite(true);
            await Task.Delay(SpoolFullRetry);
        }
        _metrics.PointsSpooled.Add(lines.Count);
        _replayWake.Writer.TryWrite(true);
    }

    /// <summary>Feeds the spool to InfluxDB, oldest first, whenever it holds anything.</summary>
    private async Task ReplayLoopAsync(CancellationToken stoppingToken)
    {
        await EnsureDatabaseAsync(stoppingToken);
        var delay = TimeSpan.FromMilliseconds(200);
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
                delay = TimeSpan.FromMilliseconds(200);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                LastError = ex.Message;
                _logger.LogDebug("Spool replay waits for InfluxDB: {Error}", ex.Message);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    /// <summary>Writes a segment's records in batches. A crash half-way replays the segment again,
    /// which rewrites the same points: harmless.</summary>
    private async Task ReplayAsync(SpoolSegment segment)
    {
        var chunk = new List<string>();
        foreach (var record in DiskSpool.Read(segment))
        {
            chunk.AddRange(record);
            if (chunk.Count >= _options.MaxBatchPoints)
            {
                await WriteReplayedAsync(chunk);
                chunk.Clear();
            }
        }
        if (chunk.Count > 0)
            await WriteReplayedAsync(chunk);
        _logger.LogInformation("Replayed spool segment {Segment}", segment.Number);
    }

    private async Task WriteReplayedAsync(List<string> lines)
    {
        try
        {
            await WriteOnceAsync(lines, lines.Count);
        }
        catch (InfluxException ex) when (ex.IsPermanent)
        {
            // InfluxDB 1.x stores the good points of a partial write; the refused ones were already
            // validated, so this is a schema conflict an operator must look at.
            _metrics.PointsRefused.Add(lines.Count);
            _logger.LogError("InfluxDB refused spooled points: {Error}", ex.Message);
        }
    }

    private async Task WriteOnceAsync(IReadOnlyList<string> lines, int points)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.DirectWriteTimeout);
        await _influx.WriteAsync(string.Join('\n', lines), timeout.Token);
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
        var delay = TimeSpan.FromMilliseconds(250);
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
                _logger.LogWarning("InfluxDB not ready ({Error}); spooling, retrying in {Delay}", ex.Message, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }
}
