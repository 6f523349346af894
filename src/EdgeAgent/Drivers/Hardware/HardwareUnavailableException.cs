namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// A bus or device the configuration needs is not usable here. The message names the device file
/// and what to do about it, because the person reading it is an installer at a Pi, not a developer.
/// </summary>
public sealed class HardwareUnavailableException : IOException
{
    public HardwareUnavailableException(string deviceFile, string problem, string fix, Exception? inner = null)
        : base($"{deviceFile}: {problem}. Fix: {fix}", inner)
    {
        DeviceFile = deviceFile;
        Fix = fix;
    }

    public string DeviceFile { get; }

    public string Fix { get; }
}
