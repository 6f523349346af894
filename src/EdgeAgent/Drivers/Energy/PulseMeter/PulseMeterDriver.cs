using System.Device.Gpio;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

/// <summary>
/// A water, gas or steam meter's (or an electricity meter's S0) pulse output on a GPIO input,
/// reported as the meter's register: <c>initial + pulses × perPulse</c>. Pulses are counted from
/// the chip's edge events between reads (<see cref="PulseCounter"/>), and the count is written
/// through to the agent's data folder at most every <c>saveSeconds</c> and when the driver closes
/// (<see cref="PulseCountStore"/>), so a restart resumes the register instead of resetting it.
/// A power cut loses at most the pulses of the last <c>saveSeconds</c>.
/// </summary>
public sealed class PulseMeterDriver : ISensorDriver, IDisposable
{
    private readonly PulseMeterSettings _settings;
    private readonly GpioController _gpio;
    private readonly PulseCountStore? _store;
    private readonly PulseCounter _counter;
    private readonly PulseCount _start;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _savedPulses = -1;
    private DateTimeOffset _savedAt;
    private string? _saveError;
    private bool _disposed;

    public PulseMeterDriver(string sensorId, PulseMeterSettings settings, HardwareContext hardware)
    {
        SensorId = sensorId;
        _settings = settings;
        Quantities = [settings.Quantity];
        _time = hardware.Time;
        _logger = hardware.Loggers.CreateLogger<PulseMeterDriver>();
        _counter = new PulseCounter(settings.Debounce, hardware.Time);
        _store = hardware.StateFolder is { } folder ? PulseCountStore.For(folder, sensorId) : null;
        _start = Resume(_store?.Load());

        _gpio = hardware.Hardware.Gpio();
        _gpio.OpenPin(settings.Pin, settings.Mode);
        try
        {
            _counter.Start(IsActive(_gpio.Read(settings.Pin)));
            _gpio.RegisterCallbackForPinValueChangedEvent(settings.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        }
        catch
        {
            _gpio.ClosePin(settings.Pin);
            throw;
        }
        Save();
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; }

    /// <summary>Where the count is kept; null when the agent has no data folder (a configuration check).</summary>
    public string? StatePath => _store?.Path;

    /// <summary>The register now.</summary>
    public PulseCount Count => _start with { Pulses = _start.Pulses + _counter.Pulses };

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var count = Count;
        if (count.Pulses != _savedPulses && _time.GetUtcNow() - _savedAt >= _settings.SaveEvery)
            Save();
        return [new SensorValue(_settings.Quantity, count.Reading)];
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _gpio.UnregisterCallbackForPinValueChangedEvent(_settings.Pin, OnEdge);
        _gpio.ClosePin(_settings.Pin);
        Save();
    }

    /// <summary>
    /// Where the register stands at start: the stored count, unless the sensor's <c>initial</c>
    /// or <c>perPulse</c> changed, which is how an integrator sets the register anew (a replaced
    /// meter, a corrected pulse value): then counting starts again from <c>initial</c>.
    /// </summary>
    private PulseCount Resume(PulseCount? stored)
    {
        var configured = new PulseCount(_settings.Initial, _settings.PerPulse, 0);
        if (stored is null)
            return configured;
        if (stored.Initial == _settings.Initial && stored.PerPulse == _settings.PerPulse)
            return stored;
        _logger.LogWarning("Pulse meter {Sensor}: initial/perPulse changed from {OldInitial}/{OldPerPulse} to {Initial}/{PerPulse}; the register restarts at {Initial} (it stood at {Reading})",
            SensorId, stored.Initial, stored.PerPulse, _settings.Initial, _settings.PerPulse, _settings.Initial, stored.Reading);
        return configured;
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e) =>
        _counter.Edge(_settings.ActiveHigh ? e.ChangeType == PinEventTypes.Rising : e.ChangeType == PinEventTypes.Falling);

    private bool IsActive(PinValue level) => level == (_settings.ActiveHigh ? PinValue.High : PinValue.Low);

    /// <summary>
    /// Writes the count. A disk that refuses (full, read-only) does not stop the meter: the count
    /// in memory is still right, so it keeps reporting and says once, loudly, that a restart would lose it.
    /// </summary>
    private void Save()
    {
        if (_store is null)
            return;
        var count = Count;
        try
        {
            _store.Save(count);
            _savedPulses = count.Pulses;
            _savedAt = _time.GetUtcNow();
            _saveError = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_saveError != ex.Message)
                _logger.LogError("Pulse meter {Sensor}: cannot save its count to {Path} ({Error}); a restart would lose the pulses since the last save", SensorId, _store.Path, ex.Message);
            _saveError = ex.Message;
            _savedAt = _time.GetUtcNow();
        }
    }
}
