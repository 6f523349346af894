using System.Device.Gpio;

namespace SmartPark.TestSupport;

/// <summary>
/// A GPIO chip in memory. Inputs are set by the test; outputs are recorded with the fake
/// clock's time of each write, so a test can say "the relay closed 250 ms after the smoke input".
/// An input that changes level raises the edge callbacks registered for it, as the kernel's
/// line events do (a pulse meter counts them).
/// The overrides are <c>protected</c> because GpioDriver's members are <c>protected internal</c>.
/// </summary>
public sealed class FakeGpioDriver(TimeProvider time) : GpioDriver
{
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Callback)>> _callbacks = [];

    public List<(int Pin, PinValue Value, DateTimeOffset At)> OutputWrites { get; } = [];

    public IReadOnlyDictionary<int, PinMode> Modes => _modes;

    public void SetInput(int pin, PinValue value)
    {
        var before = Level(pin);
        _values[pin] = value;
        if (before == value || !_callbacks.TryGetValue(pin, out var callbacks))
            return;
        var edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        foreach (var (types, callback) in callbacks.ToList())
        {
            if (types.HasFlag(edge))
                callback(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    /// <summary>How many edge callbacks are registered on <paramref name="pin"/>.</summary>
    public int CallbacksOn(int pin) => _callbacks.TryGetValue(pin, out var callbacks) ? callbacks.Count : 0;

    public PinValue Level(int pin) => _values.GetValueOrDefault(pin, PinValue.Low);

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

    protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        // An input with a pull resistor idles at the pulled level until the test drives it.
        if (mode == PinMode.InputPullUp)
            _values.TryAdd(pinNumber, PinValue.High);
        else if (mode == PinMode.InputPullDown)
            _values.TryAdd(pinNumber, PinValue.Low);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value)
    {
        _values[pinNumber] = value;
        OutputWrites.Add((pinNumber, value, time.GetUtcNow()));
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        if (!_callbacks.TryGetValue(pinNumber, out var callbacks))
            _callbacks[pinNumber] = callbacks = [];
        callbacks.Add((eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        if (_callbacks.TryGetValue(pinNumber, out var callbacks))
            callbacks.RemoveAll(c => c.Callback == callback);
    }
}
