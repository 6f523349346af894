using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SmartPark.Hj212;

namespace SmartPark.BureauPlatform;

/// <summary>
/// The platform's TCP side. Every frame is judged and logged; a valid data upload whose Flag asks
/// is answered 9014 with its QN, a time-calibration request (1013) 9013 and then a set-time (1012)
/// with the platform's clock. Invalid frames get no answer, as a platform's CRC check would drop
/// them; the field unit then sends again. <see cref="StopListeningAsync"/> and
/// <see cref="StartListening"/> simulate an outage on the same port.
/// </summary>
public sealed class PlatformServer : IHostedService, IAsyncDisposable
{
    private readonly PlatformOptions _options;
    private readonly FrameJudge _judge;
    private readonly FrameLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<PlatformServer> _logger;
    private readonly ConcurrentDictionary<Session, byte> _sessions = new();
    private readonly ConcurrentDictionary<string, PendingCommand> _commands = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private readonly ConcurrentDictionary<string, int> _unanswered = new(StringComparer.Ordinal);
    private long _qnTicks;

    public PlatformServer(IOptions<PlatformOptions> options, FrameJudge judge, FrameLog log, TimeProvider time, ILogger<PlatformServer> logger)
    {
        _options = options.Value;
        _judge = judge;
        _log = log;
        _time = time;
        _logger = logger;
        Port = _options.Port;
    }

    /// <summary>The TCP port (the one picked, when configured as 0).</summary>
    public int Port { get; private set; }

    public bool Listening => _listener is not null;

    /// <summary>MNs with an open connection now.</summary>
    public IReadOnlySet<string> ConnectedMns => _sessions.Keys.Select(s => s.Mn).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartListening();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopListeningAsync();

    public void StartListening()
    {
        lock (_gate)
        {
            if (_listener is not null)
                return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _listener = listener;
            _stop = new CancellationTokenSource();
            _ = AcceptAsync(listener, _stop.Token);
        }
        _logger.LogInformation("Bureau platform listening for HJ 212 on 127.0.0.1:{Port}", Port);
    }

    /// <summary>Stops accepting and drops every connection (an outage of the platform).</summary>
    public async Task StopListeningAsync()
    {
        TcpListener? listener;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            listener = _listener;
            stop = _stop;
            _listener = null;
            _stop = null;
        }
        if (listener is null)
            return;
        listener.Stop();
        await stop!.CancelAsync();
        foreach (var session in _sessions.Keys)
            session.Close();
        _sessions.Clear();
        stop.Dispose();
        _logger.LogInformation("Bureau platform stopped listening on {Port}", Port);
    }

    /// <summary>Leaves the next <paramref name="count"/> uploads <paramref name="cn"/> of <paramref name="mn"/> unanswered
    /// (logged, but no 9014), as if the replies were lost: the field unit must send them again.</summary>
    public void LeaveUnanswered(string mn, string cn, int count) => _unanswered[mn + "/" + cn] = count;

    /// <summary>Sends a command to the field unit of <paramref name="mn"/> and collects the frames
    /// with its QN until the execution result (9012), a notification answer (9013), a refusal, or the timeout.</summary>
    public async Task<CommandResult> SendCommandAsync(string mn, string cn, string? cp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = _sessions.Keys.Where(s => s.Mn == mn).OrderByDescending(s => s.LastFrameAt).FirstOrDefault()
            ?? throw new InvalidOperationException($"MN {mn} is not connected");
        var qn = NextQn();
        var packet = new Hj212Packet { Qn = qn, St = session.St ?? "27", Cn = cn, Pw = session.Pw ?? "", Mn = mn, Flag = Hj212Flag.Of(session.Version, ack: true), Cp = cp ?? "" };
        var pending = new PendingCommand();
        _commands[qn] = pending;
        try
        {
            var sent = Hj212Encoder.Frame(packet);
            await session.SendAsync(packet, cancellationToken);
            try
            {
                await pending.Done.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // report what came
            }
            return new CommandResult(sent.TrimEnd('\r', '\n'), qn, pending.Answers, pending.Done.Task.IsCompleted);
        }
        finally
        {
            _commands.TryRemove(qn, out _);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var session = new Session(tcp);
            _sessions[session] = 0;
            _ = ServeAsync(session, cancellationToken);
        }
    }

    private async Task ServeAsync(Session session, CancellationToken cancellationToken)
    {
        var reader = new Hj212FrameReader();
        var buffer = new byte[4096];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await session.Stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                    break;
                reader.Append(buffer.AsSpan(0, read));
                while (reader.TryRead() is { } bytes)
                    await OnFrameAsync(session, bytes, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // the field unit went away, or we are stopping
        }
        finally
        {
            _sessions.TryRemove(session, out _);
            session.Close();
        }
    }

    private async Task OnFrameAsync(Session session, byte[] bytes, CancellationToken cancellationToken)
    {
        var frame = _judge.Judge(bytes, session.Remote, _time.GetUtcNow());
        _log.Add(frame);
        if (!frame.Valid)
        {
            _logger.LogWarning("Bureau platform: bad frame from {Remote} (MN {Mn}): {Problems}", session.Remote, frame.Mn, string.Join("; ", frame.Problems));
            return;
        }
        var packet = Hj212Decoder.Decode(bytes).Packet!;
        session.Seen(packet, _time.GetUtcNow());
        if (packet.Qn is { } qn && _commands.TryGetValue(qn, out var pending))
        {
            pending.Add(frame.Raw, packet);
            return;
        }
        if (Hj212Commands.IsDataUpload(packet.Cn) && packet.AsksAck)
        {
            var key = packet.Mn + "/" + packet.Cn;
            if (_unanswered.TryGetValue(key, out var left) && left > 0 && _unanswered.TryUpdate(key, left - 1, left))
            {
                _logger.LogInformation("Bureau platform: leaving {Cn} QN {Qn} of MN {Mn} unanswered ({Left} more)", packet.Cn, packet.Qn, packet.Mn, left - 1);
                return;
            }
            await session.SendAsync(Reply(packet, Hj212Commands.DataResponse), cancellationToken);
        }
        else if (packet.Cn == Hj212Commands.TimeCalibrationRequest)
        {
            if (packet.AsksAck)
                await session.SendAsync(Reply(packet, Hj212Commands.NotificationResponse), cancellationToken);
            var now = Hj212Time.DataTime(Hj212Time.Local(_time.GetUtcNow(), _options.UtcOffset));
            await session.SendAsync(new Hj212Packet { Qn = NextQn(), St = packet.St, Cn = Hj212Commands.SetTime, Pw = packet.Pw, Mn = packet.Mn, Flag = Hj212Flag.Of(session.Version, ack: true), Cp = $"SystemTime={now}" }, cancellationToken);
        }
    }

    private static Hj212Packet Reply(Hj212Packet to, string cn) => new()
    {
        Qn = to.Qn,
        St = Hj212SystemCodes.SystemInteraction,
        Cn = cn,
        Pw = to.Pw,
        Mn = to.Mn,
        Flag = Hj212Flag.Of(Hj212Flag.Version(to.Flag ?? 4) ?? Hj212Version.V2017, ack: false),
        Cp = "",
    };

    private string NextQn()
    {
        var now = _time.GetUtcNow().ToOffset(_options.UtcOffset).DateTime.Ticks / TimeSpan.TicksPerMillisecond;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _qnTicks);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _qnTicks, next, last) != last);
        return Hj212Time.Qn(new DateTime(next * TimeSpan.TicksPerMillisecond));
    }

    public async ValueTask DisposeAsync() => await StopListeningAsync();

    private sealed class PendingCommand
    {
        private readonly Lock _gate = new();
        private readonly List<string> _answers = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Answers
        {
            get
            {
                lock (_gate)
                    return [.. _answers];
            }
        }

        public void Add(string raw, Hj212Packet packet)
        {
            lock (_gate)
                _answers.Add(raw);
            var refused = packet.Cn == Hj212Commands.RequestResponse && Hj212Cp.Parse(packet.Cp).Get("QnRtn") != "1";
            if (packet.Cn is Hj212Commands.ExecutionResult or Hj212Commands.NotificationResponse || refused)
                Done.TrySetResult();
        }
    }

    private sealed class Session(TcpClient tcp)
    {
        private readonly SemaphoreSlim _write = new(1, 1);

        public NetworkStream Stream { get; } = tcp.GetStream();
        public string Remote { get; } = tcp.Client.RemoteEndPoint?.ToString() ?? "?";
        public string? Mn { get; private set; }
        public string? Pw { get; private set; }
        public string? St { get; private set; }
        public Hj212Version Version { get; private set; } = Hj212Version.V2017;
        public DateTimeOffset LastFrameAt { get; private set; }

        public void Seen(Hj212Packet packet, DateTimeOffset at)
        {
            Mn = packet.Mn;
            Pw = packet.Pw;
            if (packet.St != Hj212SystemCodes.SystemInteraction)
                St = packet.St;
            if (packet.Flag is { } flag && Hj212Flag.Version(flag) is { } version)
                Version = version;
            LastFrameAt = at;
        }

        public async Task SendAsync(Hj212Packet packet, CancellationToken cancellationToken)
        {
            var bytes = Hj212Encoder.FrameBytes(packet);
            await _write.WaitAsync(cancellationToken);
            try
            {
                await Stream.WriteAsync(bytes, cancellationToken);
            }
            finally
            {
                _write.Release();
            }
        }

        public void Close()
        {
            Stream.Dispose();
            tcp.Dispose();
        }
    }
}
