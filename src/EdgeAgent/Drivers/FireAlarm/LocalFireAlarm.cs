using System.Device.Gpio;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.GpioDetector;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.FireAlarm;

/// <summary>
/// The device's own fire alarm: it polls the smoke and flame inputs every <c>PollMs</c>, takes the
/// heat sensors' latest readings, and drives the buzzer and relay outputs itself, so the alarm
/// sounds within a second with no network and no server. The silence button mutes the buzzer
/// until a new source trips or the alarm clears; the relay and the report are not silenced.
/// If the GPIO controller cannot be opened it logs the fix and retries with a backoff; the
/// detectors then read as faults (flag D) rather than as quiet.
/// </summary>
public sealed class LocalFireAlarm : IDisposable
{
    /// <summary>A heat source clears this far below the threshold, so a reading hovering on it does not flap.</summary>
    public const double HeatHysteresisC = 2.0;

    private readonly FireAlarmOptions _options;
    private readonly IReadOnlyList<FireDetectorInput> _detectors;
    private readonly IHardware _hardware;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DebouncedInput> _debounced = new(StringComparer.Ordinal);
    private readonly DebouncedInput _silenceButton = new(TimeSpan.FromMilliseconds(50));
    private readonly Dictionary<string, double> _heat = new(StringComparer.Ordinal);
    // The latest good reading per limit (Agent:FireAlarm:Limits), by the limit's source name.
    private readonly Dictionary<string, double> _limited = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hot = new(StringComparer.Ordinal);
    private readonly HashSet<string> _silencedSources = new(StringComparer.Ordinal);
    private GpioController? _gpio;
    private string? _gpioError;
    private DateTimeOffset _nextGpioAttempt = DateTimeOffset.MinValue;
    private int _gpioFailures;
    private bool? _buzzerWritten;
    private bool? _relayWritten;
    private bool _polled;

    public LocalFireAlarm(FireAlarmOptions options, IReadOnlyList<FireDetectorInput> detectors, IHardware hardware, TimeProvider time, ILogger logger)
    {
        _options = options;
        _detectors = detectors;
        _hardware = hardware;
        _time = time;
        _logger = logger;
        foreach (var d in detectors)
            _debounced[d.SensorId] = new DebouncedInput(d.Debounce);
    }

    /// <summary>Raised from the polling loop when the alarm starts, stops, is silenced or gains a source.</summary>
    public event Action<FireAlarmChange>? Changed;

    public bool IsAlarming { get; private set; }

    public bool IsSilenced { get; private set; }

    public IReadOnlyList<string> Sources { get; private set; } = [];

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(_options.PollMs);

    /// <summary>Ids of the sensors that can trip the alarm.</summary>
    public IEnumerable<string> SourceSensorIds => _detectors.Select(d => d.SensorId).Concat(_options.HeatSensors);

    /// <summary>The debounced state of a detector; throws while its GPIO cannot be read.</summary>
    public bool DetectorState(string sensorId)
    {
        // The sampler's first round can come before the alarm thread's first poll (threads start
        // late on a busy machine): poll once here rather than report a sound detector as faulty.
        if (!Volatile.Read(ref _polled))
            Poll();
        lock (_gate)
        {
            if (_gpio is null)
                throw new IOException(_gpioError ?? "the fire-detector inputs have not been read yet");
            return _debounced[sensorId].IsActive;
        }
    }

    /// <summary>A heat sensor's latest good reading, from the sampler.</summary>
    public void ReportHeat(string sensorId, double celsius)
    {
        lock (_gate)
            _heat[sensorId] = celsius;
    }

    /// <summary>A watched sensor's latest good reading of one quantity: a heat sensor's temperature or a limit's reading.</summary>
    public void ReportReading(string sensorId, string quantity, double value)
    {
        if (quantity == Contracts.Quantities.QuantityCatalogue.Temperature.Name && _options.HeatSensors.Contains(sensorId))
            ReportHeat(sensorId, value);
        lock (_gate)
        {
            foreach (var limit in _options.Limits.Where(l => l.Sensor == sensorId && l.Quantity == quantity))
                _limited[limit.Source] = value;
        }
    }

    /// <summary>
    /// Polls until cancelled, on a dedicated thread rather than the thread pool: the alarm must
    /// keep its one-second promise when the pool is busy or starved (a slow broker, a stuck
    /// sensor read, a burst of outbox writes). Measured on a 2-core machine under a full test
    /// run, a pool-timer loop fell behind by over a second; a thread of its own does not.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                do
                {
                    try
                    {
                        Poll();
                    }
                    catch (Exception ex) when (ex is IOException or InvalidOperationException)
                    {
                        // A read that fails half-way (pin closed under us) is retried on the next tick.
                        _logger.LogError("Local fire alarm poll failed: {Error}", ex.Message);
                    }
                }
                while (!cancellationToken.WaitHandle.WaitOne(PollInterval));
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "local-fire-alarm",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>One step: read inputs, decide, drive outputs, and report a change.</summary>
    public void Poll()
    {
        FireAlarmChange? change;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Volatile.Write(ref _polled, true);
            if (!EnsureGpio(now))
                return;
            var gpio = _gpio!;
            foreach (var d in _detectors)
                _debounced[d.SensorId].Sample(gpio.Read(d.Pin) == (d.ActiveHigh ? PinValue.High : PinValue.Low), now);
            var silencePressed = false;
            if (_options.SilencePin is { } silencePin
                && _silenceButton.Sample(gpio.Read(silencePin) == (_options.SilenceActiveLow ? PinValue.Low : PinValue.High), now))
                silencePressed = _silenceButton.IsActive;
            foreach (var (id, celsius) in _heat)
            {
                if (celsius >= _options.HeatThresholdC)
                    _hot.Add(id);
                else if (celsius < _options.HeatThresholdC - HeatHysteresisC)
                    _hot.Remove(id);
            }
            foreach (var limit in _options.Limits)
            {
                if (!_limited.TryGetValue(limit.Source, out var value))
                    continue;
                if (value > limit.Above)
                    _hot.Add(limit.Source);
                else if (value <= (limit.ClearBelow ?? limit.Above))
                    _hot.Remove(limit.Source);
            }
            change = Decide(now, silencePressed);
            WriteOutputs(gpio);
        }
        if (change is not null)
        {
            _logger.Log(change.Alarming ? LogLevel.Critical : LogLevel.Information,
                "Local fire alarm: alarming={Alarming} silenced={Silenced} sources={Sources}", change.Alarming, change.Silenced, change.Sources);
            Changed?.Invoke(change);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_gpio is null)
                return;
            foreach (var pin in _detectors.Select(d => d.Pin).Concat(_options.OutputPins()).Append(_options.SilencePin ?? -1).Where(p => p >= 0))
            {
                if (_gpio.IsPinOpen(pin))
                    _gpio.ClosePin(pin);
            }
            _gpio = null;
        }
    }

    private FireAlarmChange? Decide(DateTimeOffset now, bool silencePressed)
    {
        var sources = _detectors.Where(d => _debounced[d.SensorId].IsActive).Select(d => d.SensorId)
            .Concat(_hot.Order(StringComparer.Ordinal)).ToList();
        var alarming = sources.Count > 0;
        var silenced = IsSilenced;
        if (!alarming)
        {
            silenced = false;
            _silencedSources.Clear();
        }
        else if (silencePressed)
        {
            silenced = true;
            _silencedSources.UnionWith(sources);
        }
        else if (silenced && sources.Any(s => !_silencedSources.Contains(s)))
        {
            // A new detector trips while silenced: it is a new fire, sound again.
            silenced = false;
            _silencedSources.Clear();
        }
        var changed = alarming != IsAlarming || silenced != IsSilenced || !sources.SequenceEqual(Sources);
        IsAlarming = alarming;
        IsSilenced = silenced;
        Sources = sources;
        return changed ? new FireAlarmChange(now, alarming, silenced, sources) : null;
    }

    private void WriteOutputs(GpioController gpio)
    {
        var buzzer = IsAlarming && !IsSilenced;
        if (_options.BuzzerPin is { } buzzerPin && buzzer != _buzzerWritten)
        {
            gpio.Write(buzzerPin, buzzer == _options.BuzzerActiveHigh ? PinValue.High : PinValue.Low);
            _buzzerWritten = buzzer;
        }
        if (_options.RelayPin is { } relayPin && IsAlarming != _relayWritten)
        {
            gpio.Write(relayPin, IsAlarming == _options.RelayActiveHigh ? PinValue.High : PinValue.Low);
            _relayWritten = IsAlarming;
        }
    }

    private bool EnsureGpio(DateTimeOffset now)
    {
        if (_gpio is not null)
            return true;
        if (now < _nextGpioAttempt)
            return false;
        try
        {
            var gpio = _hardware.Gpio();
            // Outputs first and at their quiet level: a relay board must not click on at boot.
            if (_options.BuzzerPin is { } buzzerPin)
                gpio.OpenPin(buzzerPin, PinMode.Output, _options.BuzzerActiveHigh ? PinValue.Low : PinValue.High);
            if (_options.RelayPin is { } relayPin)
                gpio.OpenPin(relayPin, PinMode.Output, _options.RelayActiveHigh ? PinValue.Low : PinValue.High);
            _buzzerWritten = _relayWritten = false;
            foreach (var d in _detectors)
                gpio.OpenPin(d.Pin, d.Mode);
            if (_options.SilencePin is { } silencePin)
                gpio.OpenPin(silencePin, _options.SilenceActiveLow ? PinMode.InputPullUp : PinMode.InputPullDown);
            _gpio = gpio;
            if (_gpioError is not null)
                _logger.LogInformation("Local fire alarm: GPIO is available again");
            _gpioError = null;
            _gpioFailures = 0;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException or ArgumentException)
        {
            _gpioFailures++;
            var delay = ResilientDriver.Retry.Delay(_gpioFailures);
            _nextGpioAttempt = now + delay;
            if (_gpioError != ex.Message)
                _logger.LogError("Local fire alarm cannot use GPIO, smoke/flame detectors report flag D: {Error} (next try in {Delay})", ex.Message, delay);
            _gpioError = ex.Message;
            return false;
        }
    }
}
