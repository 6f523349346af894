using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Consumer;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Gathers points from many messages into few InfluxDB writes (up to <c>MaxBatchPoints</c>, or
/// whatever arrived within <c>FlushInterval</c>), and acknowledges each message to the broker only
/// after InfluxDB has accepted its points. A failed write is retried with backoff, holding the
/// acknowledgements back, so the broker keeps what Ingest has not stored. The queue is bounded:
/// when InfluxDB is slow, the consumer waits rather than piling up memory.
/// </summary>
public sealed class InfluxBatchWriter : BackgroundService
{
    private readonly InfluxV1Client _influx;
    private readonly IngestOptions _options;
    private readonly IngestMetrics _metrics;
    private readonly ILogger<InfluxBatchWriter> _logger;
    private readonly Channel<PendingWrite> _queue;

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
    }

    public DateTimeOffset? LastSuccess { get; private set; }
    public string? LastError { get; private set; }
    public int Pending => _queue.Reader.Count;

    public ValueTask EnqueueAsync(PendingWrite write, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(write, cancellationToken);

    /// <summary>SIGTERM: take no more, write and acknowledge what is queued, then stop.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messages queue (bounded) while InfluxDB is not up yet; none is acknowledged before it is.
        await EnsureDatabaseAsync(stoppingToken);
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

    /// <summary>Stores the batch; if InfluxDB refuses it for good (HTTP 400), stores its messages one
    /// by one so only the bad one is dead-lettered.</summary>
    private async Task StoreAsync(List<PendingWrite> batch, int points)
    {
        try
        {
            await WriteUntilStoredAsync(batch.SelectMany(w => w.Lines), points);
        }
        catch (InfluxException ex) when (ex.IsPermanent)
        {
            _logger.LogWarning("InfluxDB refused a batch of {Messages} messages ({Error}); storing them one by one", batch.Count, ex.Message);
            foreach (var write in batch)
            {
                try
                {
                    await WriteUntilStoredAsync(write.Lines, write.Lines.Count);
                }
                catch (InfluxException refused) when (refused.IsPermanent)
                {
                    await write.RefusedAsync($"InfluxDB refused the points: {refused.Body?.Trim()}");
                }
            }
        }
    }

    /// <summary>Retries transient failures until stored; throws only for a permanent refusal.</summary>
    private async Task WriteUntilStoredAsync(IEnumerable<string> lines, int points)
    {
        var body = string.Join('\n', lines);
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await _influx.WriteAsync(body, CancellationToken.None);
                _metrics.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _metrics.PointsWritten.Add(points);
                LastSuccess = DateTimeOffset.UtcNow;
                LastError = null;
                return;
            }
            catch (Exception ex) when (ex is InfluxException { IsPermanent: false } or HttpRequestException or TaskCanceledException)
            {
                _metrics.WriteFailures.Add(1);
                LastError = ex.Message;
                _logger.LogWarning("InfluxDB write of {Points} points failed, retrying in {Delay}: {Error}", points, delay, ex.Message);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

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
        while (true)
        {
            try
            {
                await _influx.EnsureDatabaseAsync(cancellationToken);
                _logger.LogInformation("InfluxDB database {Database} ready", _influx.Database);
                return;
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LastError = ex.Message;
                _logger.LogWarning("InfluxDB not ready ({Error}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }
}
