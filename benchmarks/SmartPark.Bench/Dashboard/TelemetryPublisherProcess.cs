using System.Globalization;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The publishers in a process of their own (this bench's own assembly, <see cref="TelemetryPublisherMain"/>):
/// in the process that also hosts hundreds of SignalR clients receiving hundreds of thousands of
/// messages a second, the publishers' continuations wait behind the clients' in the thread pool and
/// the asked rate is not reached. The child reports through a small status file rather than its
/// output, whose reading in this process would queue behind the clients too. Stopped by PID.
/// </summary>
internal sealed class TelemetryPublisherProcess : IAsyncDisposable
{
    private readonly ProcessRunner _process;
    private readonly string _dir;
    private readonly string _status;

    private TelemetryPublisherProcess(ProcessRunner process, string dir)
    {
        _process = process;
        _dir = dir;
        _status = Path.Combine(dir, TelemetryPublisherMain.StatusFile);
    }

    public int Pid => _process.Pid;

    public static async Task<TelemetryPublisherProcess> StartAsync(int brokerPort, string park, string prefix, double messagesPerSecond, int readingsPerMessage,
        TimeSpan duration, int connections, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SmartPark.Bench.dll");
        var dir = Directory.CreateTempSubdirectory("smartpark-bench-publishers-").FullName;
        var process = ProcessRunner.Start("dotnet",
        [
            dll, TelemetryPublisherMain.Command,
            brokerPort.ToString(CultureInfo.InvariantCulture), park, prefix,
            messagesPerSecond.ToString(CultureInfo.InvariantCulture), readingsPerMessage.ToString(CultureInfo.InvariantCulture),
            duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), connections.ToString(CultureInfo.InvariantCulture),
        ], dir);
        var publisher = new TelemetryPublisherProcess(process, dir);
        try
        {
            await publisher.UntilAsync(s => s.Connected, TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await publisher.DisposeAsync();
            throw;
        }
        return publisher;
    }

    /// <summary>Batches the broker acknowledged so far.</summary>
    public long Acked => Read().Acked;

    /// <summary>Waits for the child to finish its run and returns the final counts.</summary>
    public async Task<(long Acked, long Failed)> WaitAsync(CancellationToken cancellationToken)
    {
        var status = await UntilAsync(s => s.Done, TimeSpan.FromMinutes(10), cancellationToken);
        return (status.Acked, status.Failed);
    }

    private async Task<PublisherStatus> UntilAsync(Func<PublisherStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var exited = _process.HasExited;
            var status = Read();
            if (condition(status))
                return status;
            if (exited)
                throw new InvalidOperationException($"the publisher process exited ({_process.ExitCode}): {_process.Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the publisher process did not get there in {timeout.TotalSeconds:0} s: {_process.Output}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private PublisherStatus Read()
    {
        try
        {
            return PublisherStatus.Parse(File.ReadAllText(_status));
        }
        catch (IOException)
        {
            return new PublisherStatus(false, 0, 0, false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}

/// <summary>The child's one-line status file: <c>connected|running|done ACKED FAILED</c>.</summary>
internal sealed record PublisherStatus(bool Connected, long Acked, long Failed, bool Done)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Done ? "done" : "running")} {Acked} {Failed}");

    public static PublisherStatus Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3
            ? new PublisherStatus(true, long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), parts[0] == "done")
            : new PublisherStatus(false, 0, 0, false);
    }
}
