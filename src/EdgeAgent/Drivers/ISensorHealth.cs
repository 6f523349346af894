namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// A sensor wrapper that knows whether its hardware answers: the device status lists each
/// sensor's flag (D while it does not) and the reason, whichever wrapper it runs behind.
/// </summary>
public interface ISensorHealth
{
    /// <summary>N while the sensor reads, D (instrument fault) with the reason while it does not.</summary>
    (string Flag, string? Error) Health { get; }
}
