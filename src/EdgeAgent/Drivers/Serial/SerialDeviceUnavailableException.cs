namespace SmartPark.EdgeAgent.Drivers.Serial;

/// <summary>
/// The serial device cannot be opened. The message names the device file and what to do about
/// it, because System.IO.Ports reports a missing device as "Access denied", which misleads.
/// </summary>
public sealed class SerialDeviceUnavailableException(string device, string message, Exception? inner = null)
    : IOException(message, inner)
{
    public string Device { get; } = device;

    public static SerialDeviceUnavailableException Missing(string device) => new(device,
        $"Serial device {device} does not exist. Plug in the USB RS-485 adapter (it appears as /dev/ttyUSB0), "
        + "or enable the Pi's UART for an RS-485 HAT (raspi-config → Interface Options → Serial Port: login shell No, hardware Yes; "
        + "then /dev/ttyAMA0 or /dev/serial0), and check Settings:port.");

    public static SerialDeviceUnavailableException Denied(string device, Exception inner) => new(device,
        $"Serial device {device} exists but this user may not open it. Add the agent's user to the dialout group "
        + "(sudo usermod -aG dialout smartpark; the systemd unit does this with SupplementaryGroups=dialout) and restart the agent.", inner);

    public static SerialDeviceUnavailableException Failed(string device, Exception inner) => new(device,
        $"Serial device {device} could not be opened: {inner.Message}. Check that no other program (a getty on the console UART, "
        + "ModemManager) holds it.", inner);
}
