namespace SmartPark.EdgeAgent.Drivers.GpioDetector;

/// <summary>
/// A contact input that changes state only after the raw level has held for the debounce time:
/// a relay contact bounces for a few milliseconds, and a flame module's comparator chatters
/// near its threshold.
/// </summary>
public sealed class DebouncedInput(TimeSpan debounce)
{
    private bool _raw;
    private DateTimeOffset _rawSince = DateTimeOffset.MinValue;

    public bool IsActive { get; private set; }

    /// <summary>Feeds one raw sample; true when the debounced state changed.</summary>
    public bool Sample(bool rawActive, DateTimeOffset now)
    {
        if (rawActive != _raw)
        {
            _raw = rawActive;
            _rawSince = now;
        }
        if (_raw == IsActive || now - _rawSince < debounce)
            return false;
        IsActive = _raw;
        return true;
    }
}
