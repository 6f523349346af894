namespace SmartPark.IntegrationTests.EdgeAgent.Modbus;

/// <summary>
/// Two pseudo-terminals joined by socat, as a null-modem cable between two serial ports: what
/// one end writes, the other reads. The ends appear as symlinks in a temp folder.
/// </summary>
public sealed class VirtualSerialPair : IAsyncDisposable
{
    private readonly ProcessRunner _socat;
    private readonly string _dir;

    private VirtualSerialPair(ProcessRunner socat, string dir)
    {
        _socat = socat;
        _dir = dir;
    }

    public string DeviceEnd => Path.Combine(_dir, "meter");
    public string AgentEnd => Path.Combine(_dir, "agent");

    public static async Task<VirtualSerialPair> StartAsync()
    {
        var socat = new[] { "/usr/bin/socat", "/bin/socat" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("socat is not installed: run ./smartpark test (it installs socat)");
        var dir = Directory.CreateTempSubdirectory("smartpark-pty-").FullName;
        var process = ProcessRunner.Start(socat, [$"pty,raw,echo=0,link={dir}/meter", $"pty,raw,echo=0,link={dir}/agent"]);
        var pair = new VirtualSerialPair(process, dir);
        await Poll.UntilAsync(() =>
        {
            if (process.HasExited)
                throw new InvalidOperationException("socat exited: " + process.Output);
            return Task.FromResult(File.Exists(pair.DeviceEnd) && File.Exists(pair.AgentEnd));
        }, TimeSpan.FromSeconds(10), "socat's pty pair");
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await _socat.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
