namespace SmartPark.IntegrationTests.EdgeAgent.Modbus;

/// <summary>
/// Debian's python3-pymodbus serving an SDM630-like register map (sdm630_server.py), over TCP
/// on a free loopback port or RTU on a serial device. Stopped by PID.
/// </summary>
public sealed class PymodbusServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly ProcessRunner _process;

    private PymodbusServer(ProcessRunner process) => _process = process;

    public static PymodbusServer Tcp(int port) => Start(["tcp", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public static PymodbusServer Rtu(string device, int baud) => Start(["rtu", device, baud.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Devices laid out by modbus-map sample files (register_map_server.py), over TCP.</summary>
    public static PymodbusServer RegisterMap(int port, string specFile) =>
        Start([port.ToString(System.Globalization.CultureInfo.InvariantCulture), specFile], "register_map_server.py");

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static PymodbusServer Start(string[] args, string scriptName = "sdm630_server.py")
    {
        RequirePymodbus();
        var script = Path.Combine(RepositoryPaths.Root, "tests", "SmartPark.IntegrationTests", "EdgeAgent", "Modbus", scriptName);
        return new PymodbusServer(ProcessRunner.Start(Python, [script, .. args]));
    }

    private static void RequirePymodbus()
    {
        if (!Directory.Exists("/usr/lib/python3/dist-packages/pymodbus"))
            throw new InvalidOperationException("python3-pymodbus is not installed: run ./smartpark test (it installs python3-pymodbus, python3-serial-asyncio and socat)");
    }
}
