namespace SmartPark.Uplink.Points;

/// <summary>A wake-up call between loops: set any number of times, one waiter wakes once.</summary>
public sealed class Signal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
                _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // already set
        }
    }

    /// <summary>True when set before the timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
