using System.Globalization;
using System.Text.RegularExpressions;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The publishers in a process of their own (this bench's own assembly, <see cref="TelemetryPublisherMain"/>):
/// in the process that also hosts hundreds of SignalR clients receiving hundreds of thousands of
/// messages a second, the publishers' continuations wait behind the clients' in the thread pool and
/// the asked rate is not reached. Stopped by PID like the servers.
/// </summary>
internal sealed partial class TelemetryPublisherProcess : IAsyncDisposable
{
    private readonly ProcessRunner _process;

    private TelemetryPublisherProcess(ProcessRunner process) => _process = process;

    public int Pid => _process.Pid;

    public static async Task<TelemetryPublisherProcess> StartAsync(int brokerPort, string park, string prefix, double messagesPerSecond, int readingsPerMessage,
        TimeSpan duration, int connections, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SmartPark.Bench.dll");
        var process = ProcessRunner.Start("dotnet",
        [
            dll, TelemetryPublisherMain.Command,
            brokerPort.ToString(CultureInfo.InvariantCulture), park, prefix,
            messagesPerSecond.ToString(CultureInfo.InvariantCulture), readingsPerMessage.ToString(CultureInfo.InvariantCulture),
            duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), connections.ToString(CultureInfo.InvariantCulture),
        ]);
        var publisher = new TelemetryPublisherProcess(process);
        try
        {
            await publisher.UntilPrintedAsync("connected", TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await publisher.DisposeAsync();
            throw;
        }
        return publisher;
    }

    /// <summary>Batches the broker acknowledged so far (the last count the child printed).</summary>
    public long Acked => Counts().Acked;

    public long Failed => Counts().Failed;

    /// <summary>Waits for the child to finish its run and returns the final counts.</summary>
    public async Task<(long Acked, long Failed)> WaitAsync(CancellationToken cancellationToken)
    {
        await UntilPrintedAsync("done", TimeSpan.FromMinutes(10), cancellationToken);
        return Counts();
    }

    /// <summary>Polls the child's output (not <see cref="Poll"/>: a Ctrl-C must end the wait at once).</summary>
    private async Task UntilPrintedAsync(string word, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_process.Output.Contains(word, StringComparison.Ordinal))
        {
            if (_process.HasExited)
                throw new InvalidOperationException("the publisher process exited: " + _process.Output);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the publisher process did not print '{word}' in {timeout.TotalSeconds:0} s");
            await Task.Delay(100, cancellationToken);
        }
    }

    private (long Acked, long Failed) Counts()
    {
        var last = CountLine().Matches(_process.Output).LastOrDefault();
        return last is null ? (0, 0) : (long.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(last.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    [GeneratedRegex(@"acked (\d+) failed (\d+)")]
    private static partial Regex CountLine();
}
