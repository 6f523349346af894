using System.Diagnostics;

namespace SmartPark.Bench.Scenarios;

/// <summary>Prints a live progress line at a fixed period until disposed.</summary>
internal sealed class Progress : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _disposed;

    private Progress(TimeSpan period, Func<TimeSpan, string> line)
    {
        var started = Stopwatch.GetTimestamp();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                    Console.WriteLine(line(Stopwatch.GetElapsedTime(started)));
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public static Progress Every(TimeSpan period, Func<TimeSpan, string> line) => new(period, line);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }
}
