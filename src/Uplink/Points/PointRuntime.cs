using SmartPark.Platform.Diagnostics;
using SmartPark.Uplink.Link;
using SmartPark.Uplink.Storage;

namespace SmartPark.Uplink.Points;

/// <summary>
/// A running monitoring point: its configuration, the settings hosts may change (kept in the
/// store), its QN clock, the signals between its loops, and what /healthz reports of it.
/// </summary>
public sealed class PointRuntime : IDisposable
{
    private readonly UplinkStore _store;
    private readonly UplinkOptions _options;
    private readonly Lock _gate = new();
    private StoredSettings _stored;

    public PointRuntime(PointConfig config, UplinkStore store, UplinkOptions options, long nowMs)
    {
        Config = config;
        _store = store;
        _options = options;
        _stored = store.LoadPoint(config.Mn, nowMs - (long)options.Backfill.TotalMilliseconds);
        History = new HistoryLimit(options);
    }

    public PointConfig Config { get; }
    public QnClock Qn { get; } = new();

    /// <summary>What the point's history requests may cost; outlives each connection.</summary>
    public HistoryLimit History { get; }

    /// <summary>Thins repeated warnings about the platform's frames and commands to one a minute per kind; outlives each connection.</summary>
    public LogThrottle Log { get; } = new(TimeProvider.System, TimeSpan.FromMinutes(1), maxKeys: 100);

    /// <summary>A period was added to the backlog.</summary>
    public Signal BacklogChanged { get; } = new();

    /// <summary>A host changed the real-time interval or switched real-time data on or off.</summary>
    public Signal RealTimeChanged { get; } = new();

    public bool Connected { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAcknowledged { get; set; }

    public PointSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return new PointSettings
                {
                    SinceMs = _stored.SinceMs,
                    RtdInterval = _stored.RtdIntervalMs is { } rtd ? TimeSpan.FromMilliseconds(rtd) : Config.DefaultRtdInterval,
                    RtdEnabled = _stored.RtdEnabled,
                    MinInterval = _stored.MinInterval ?? Config.DefaultMinInterval,
                    MinIntervalFromMs = _stored.MinIntervalFromMs,
                    PreviousMinInterval = _stored.PreviousMinInterval,
                    ReplyTimeout = _stored.ReplyTimeoutMs is { } t ? TimeSpan.FromMilliseconds(t) : _options.ReplyTimeout,
                    Retries = _stored.Retries ?? _options.Retries,
                };
            }
        }
    }

    /// <summary>Applies and stores a host's change.</summary>
    public void Change(Func<StoredSettings, StoredSettings> change)
    {
        lock (_gate)
        {
            _stored = change(_stored);
            _store.SaveSettings(Config.Mn, _stored);
        }
        RealTimeChanged.Set();
    }

    public void Dispose()
    {
        BacklogChanged.Dispose();
        RealTimeChanged.Dispose();
    }
}
