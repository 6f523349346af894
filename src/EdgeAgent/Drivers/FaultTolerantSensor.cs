using SmartPark.Contracts.Telemetry;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// Keeps one broken sensor from stopping the agent. Opening the driver (a missing serial device,
/// no /dev/i2c-1) and reading it may fail; the failure is logged once with the driver's message
/// (which names the device file and the fix), the sensor is reported with flag D in the device
/// status, and the driver is closed and opened again after a backoff that doubles from
/// <see cref="FirstRetry"/> up to <see cref="MaxRetry"/>. A sensor that is down yields nothing:
/// the agent never invents a value for it.
/// </summary>
public sealed class FaultTolerantSensor(string sensorId, Func<ISensorDriver> open, TimeProvider time, ILogger logger)
    : ISensorDriver, ISensorHealth, IDisposable
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private ISensorDriver? _driver;
    private IReadOnlyList<string> _quantities = [];
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private int _failures;
    private string? _error;

    public string SensorId { get; } = sensorId;

    /// <summary>What the driver yields; empty until it has opened once.</summary>
    public IReadOnlyList<string> Quantities
    {
        get
        {
            lock (_gate)
                return _quantities;
        }
    }

    /// <summary>N while the sensor reads, D (instrument fault) with the reason while it does not.</summary>
    public (string Flag, string? Error) Health
    {
        get
        {
            lock (_gate)
                return _error is null ? (DataFlag.Normal, null) : (DataFlag.Fault, _error);
        }
    }

    /// <summary>When the next attempt to open or read is due (tests, status).</summary>
    public DateTimeOffset NextAttempt
    {
        get
        {
            lock (_gate)
                return _nextAttempt;
        }
    }

    /// <summary>Opens the driver now, so the first status already knows what it measures.</summary>
    public FaultTolerantSensor OpenEarly()
    {
        lock (_gate)
            TryOpen(time.GetUtcNow());
        return this;
    }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _nextAttempt || (_driver is null && !TryOpen(now)))
                return [];
            try
            {
                var values = _driver!.Read(at);
                if (_error is not null)
                    logger.LogInformation("Sensor {Sensor} reads again after {Failures} failed attempts", SensorId, _failures);
                _error = null;
                _failures = 0;
                return values;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                Fail(now, "read", ex);
                Close();
                return [];
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
            Close();
    }

    private bool TryOpen(DateTimeOffset now)
    {
        if (_driver is not null)
            return true;
        try
        {
            _driver = open();
            _quantities = _driver.Quantities;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            Fail(now, "open", ex);
            return false;
        }
    }

    private void Fail(DateTimeOffset now, string what, Exception ex)
    {
        _failures++;
        var backoff = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(_failures - 1, 20)));
        _nextAttempt = now + backoff;
        // Log each distinct problem once, not once per retry.
        if (_error != ex.Message)
            logger.LogError("Sensor {Sensor} failed to {Action}: {Error} (flagged D; retrying with backoff up to {MaxRetry})", SensorId, what, ex.Message, MaxRetry);
        else
            logger.LogDebug("Sensor {Sensor} still failing ({Failures} attempts); next try in {Backoff}", SensorId, _failures, backoff);
        _error = ex.Message;
    }

    private void Close()
    {
        (_driver as IDisposable)?.Dispose();
        _driver = null;
    }
}
