using SmartPark.Contracts.Telemetry;
using SmartPark.Platform.Resilience;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// The agent's one resilience policy, around every sensor it runs (real, meter or simulated).
/// It opens the driver lazily; while the sensor cannot be opened or read it reports every
/// quantity its descriptor lists with flag <c>D</c> (instrument fault, HJ 212-2017 Table 8) and
/// the last good value (0 before any), lists the sensor as D with the reason in the device
/// status (<see cref="ISensorHealth"/>), and tries again after a backoff that doubles from
/// <see cref="FirstRetry"/> up to <see cref="MaxRetry"/>. The other sensors never notice.
/// </summary>
/// <remarks>
/// Why D readings rather than silence: downstream, a reading flagged D is stored but never judged
/// by an alert rule nor counted in a rollup's statistics, while the rollup's flag rule turns a
/// period of D readings into a period the bureau receives flagged D. Silence would instead make
/// an outage a gap, indistinguishable from a quiet or unplugged device, and nothing would say so
/// in the data the bureau sees. The repeated value is never passed off as fresh: it always
/// carries D. Settings mistakes (<see cref="ArgumentException"/>) are not retried: they stop the
/// agent at start-up with their message. Each distinct error is logged once.
/// </remarks>
public sealed class ResilientDriver : ISensorDriver, ISensorHealth, IDisposable
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(5);

    /// <summary>The retry schedule of a down sensor, shared with the fire alarm's GPIO lines.</summary>
    public static readonly ExponentialBackoff Retry = new(FirstRetry, MaxRetry);

    private readonly Func<ISensorDriver> _open;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, double> _lastGood = new(StringComparer.Ordinal);

    // The regular sampler and the fire alarm's event sampling may read one sensor at once.
    private readonly Lock _gate = new();
    private ISensorDriver? _driver;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private int _failures;

    public ResilientDriver(string sensorId, IReadOnlyList<string> quantities, Func<ISensorDriver> open, TimeProvider time, ILogger logger)
    {
        SensorId = sensorId;
        Quantities = quantities;
        _open = open;
        _time = time;
        _logger = logger;
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; }

    /// <summary>The error that makes the sensor report <c>D</c> now; null while it reads.</summary>
    public string? LastError { get; private set; }

    /// <summary>N while the sensor reads, D (instrument fault) with the reason while it does not.
    /// Read without the gate: a slow bus read holds it, and one reference read is atomic.</summary>
    public (string Flag, string? Error) Health => LastError is { } error ? (DataFlag.Fault, error) : (DataFlag.Normal, null);

    /// <summary>When the next open or read is allowed after a failure.</summary>
    public DateTimeOffset NextAttempt => _nextAttempt;

    /// <summary>How many attempts in a row have failed.</summary>
    public int ConsecutiveFailures => _failures;

    /// <summary>
    /// Tries to open the sensor at once. A settings mistake (<see cref="ArgumentException"/>) is
    /// thrown to the caller; any other failure starts the retry backoff.
    /// </summary>
    public void OpenNow()
    {
        lock (_gate)
            OpenNowLocked();
    }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        lock (_gate)
            return ReadLocked(at);
    }

    public void Dispose()
    {
        lock (_gate)
            CloseDriver();
    }

    private void OpenNowLocked()
    {
        if (_driver is not null)
            return;
        try
        {
            _driver = _open();
        }
        catch (ArgumentException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(ex);
        }
    }

    private IReadOnlyList<SensorValue> ReadLocked(DateTimeOffset at)
    {
        if (_time.GetUtcNow() < _nextAttempt)
            return Faulted();
        try
        {
            _driver ??= _open();
            var values = _driver.Read(at);
            foreach (var v in values)
                _lastGood[v.Quantity] = v.Value;
            if (LastError is not null)
                _logger.LogInformation("Sensor {Sensor} reads again after {Failures} failed attempts", SensorId, _failures);
            LastError = null;
            _failures = 0;
            return values;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            Fail(ex);
            return Faulted();
        }
    }

    private void Fail(Exception ex)
    {
        // Close the bus: a sensor that was unplugged or reset is opened afresh on the next attempt.
        CloseDriver();
        _failures++;
        var delay = Retry.Delay(_failures);
        _nextAttempt = _time.GetUtcNow() + delay;
        if (LastError != ex.Message)
            _logger.LogError("Sensor {Sensor} reports flag D: {Error} (next try in {Delay})", SensorId, ex.Message, delay);
        LastError = ex.Message;
    }

    private void CloseDriver()
    {
        if (_driver is IDisposable disposable)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                _logger.LogDebug("Closing sensor {Sensor} failed: {Error}", SensorId, ex.Message);
            }
        }
        _driver = null;
    }

    private IReadOnlyList<SensorValue> Faulted() =>
        Quantities.Select(q => new SensorValue(q, _lastGood.GetValueOrDefault(q), DataFlag.Fault)).ToList();
}
