using System.Collections.Concurrent;
using System.Net.Sockets;
using SmartPark.Hj212;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Uplink.Link;

/// <summary>
/// One TCP connection to the bureau's platform for one monitoring point. Frames go out one at a
/// time (a write lock); a reader cuts what comes in into frames, completes the waiter of a reply
/// (9013, 9014, by QN) and hands anything else to <see cref="OnRequest"/> (the host's commands).
/// A bad frame from the platform is logged and skipped, never fatal.
/// </summary>
public sealed class PlatformLink : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Hj212Packet>> _waiting = new(StringComparer.Ordinal);

    private PlatformLink(TcpClient tcp, ILogger logger)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _logger = logger;
    }

    /// <summary>Runs for each host request (anything that is not a reply); exceptions are logged.</summary>
    public Func<Hj212Packet, CancellationToken, Task>? OnRequest { get; set; }

    /// <summary>Thins warnings about bad frames; the point's own, so they stay thin across reconnects.</summary>
    public LogThrottle Log { get; set; } = new(TimeProvider.System, TimeSpan.FromMinutes(1));

    public string Mn { get; private init; } = "";

    public static async Task<PlatformLink> ConnectAsync(string mn, string host, int port, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await tcp.ConnectAsync(host, port, limit.Token).ConfigureAwait(false);
            return new PlatformLink(tcp, logger) { Mn = mn };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new TimeoutException($"no TCP connection to {host}:{port} within {timeout}");
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Reads until the platform closes the connection (then throws <see cref="IOException"/>) or cancellation.</summary>
    public async Task RunReaderAsync(CancellationToken cancellationToken)
    {
        var reader = new Hj212FrameReader();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw new IOException("the platform closed the connection");
            reader.Append(buffer.AsSpan(0, read));
            var refused = reader.RefusedFrames;
            while (reader.TryRead() is { } frame)
                await HandleAsync(frame, cancellationToken).ConfigureAwait(false);
            if (reader.RefusedFrames > refused && Log.ShouldLog("refused-frame", out var heldBack))
            {
                _logger.LogWarning("HJ 212 point {Mn}: refused frames from the platform with a length over the standard's {Max} bytes or no end: {Refused} so far on this link, {Discarded} bytes dropped ({HeldBack} warnings held back)",
                    Mn, Hj212Encoder.MaxDataSegmentBytes, reader.RefusedFrames, reader.DiscardedBytes, heldBack);
            }
        }
    }

    private async Task HandleAsync(byte[] frame, CancellationToken cancellationToken)
    {
        var result = Hj212Decoder.Decode(frame);
        if (!result.IsValid)
        {
            if (Log.ShouldLog("bad-frame", out var heldBack))
                _logger.LogWarning("HJ 212 point {Mn}: ignored a bad frame from the platform: {Problems} ({HeldBack} more held back in the last minute)", Mn, result.Summary, heldBack);
            return;
        }
        var packet = result.Packet!;
        if (packet.Cn is Hj212Commands.DataResponse or Hj212Commands.NotificationResponse)
        {
            if (packet.Qn is { } qn && _waiting.TryRemove(qn, out var waiter))
                waiter.TrySetResult(packet);
            else
                _logger.LogDebug("HJ 212 point {Mn}: reply {Cn} for QN {Qn} that nobody waits for (late or repeated)", Mn, packet.Cn, packet.Qn);
            return;
        }
        if (OnRequest is { } handler)
        {
            try
            {
                await handler(packet, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or IOException or SocketException))
            {
                _logger.LogError(ex, "HJ 212 point {Mn}: host command {Cn} (QN {Qn}) failed", Mn, packet.Cn, packet.Qn);
            }
        }
    }

    public async Task SendAsync(Hj212Packet packet, CancellationToken cancellationToken)
    {
        var bytes = Hj212Encoder.FrameBytes(packet);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>
    /// Sends and, when the packet's Flag asks for an answer, waits <paramref name="timeout"/> for
    /// the reply with its QN, sending again up to <paramref name="retries"/> times. False when no
    /// reply came: by the standard the link is then unusable and must be made again.
    /// </summary>
    public async Task<bool> SendConfirmedAsync(Hj212Packet packet, TimeSpan timeout, int retries, CancellationToken cancellationToken)
    {
        if (!packet.AsksAck || packet.Qn is null)
        {
            await SendAsync(packet, cancellationToken).ConfigureAwait(false);
            return true;
        }
        var waiter = new TaskCompletionSource<Hj212Packet>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[packet.Qn] = waiter;
        try
        {
            for (var attempt = 0; attempt <= retries; attempt++)
            {
                if (attempt > 0)
                    _logger.LogWarning("HJ 212 point {Mn}: no reply to {Cn} QN {Qn} within {Timeout}; sending again ({Attempt} of {Retries})", Mn, packet.Cn, packet.Qn, timeout, attempt, retries);
                await SendAsync(packet, cancellationToken).ConfigureAwait(false);
                var done = await Task.WhenAny(waiter.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (done == waiter.Task)
                    return waiter.Task.IsCompletedSuccessfully;
            }
            return false;
        }
        finally
        {
            _waiting.TryRemove(packet.Qn, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var waiter in _waiting.Values)
            waiter.TrySetCanceled();
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
        _write.Dispose();
    }
}
