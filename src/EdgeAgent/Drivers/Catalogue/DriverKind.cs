namespace SmartPark.EdgeAgent.Drivers.Catalogue;

/// <summary>How a driver reaches its sensor, which decides how it can be checked without it.</summary>
public enum DriverKind
{
    /// <summary>A simulated twin: opens anywhere, reads nothing real.</summary>
    Simulated,

    /// <summary>Opens its bus through <see cref="Hardware.IHardware"/>: <c>check-config</c> builds it against silent buses.</summary>
    Hardware,

    /// <summary>Opens its own device (a meter's serial line, a TCP gateway): checked by its schema and rules only.</summary>
    Direct,
}
