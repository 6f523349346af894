namespace SmartPark.TestSupport;

/// <summary>
/// Bounded waiting for a condition another process makes true (a point landing in InfluxDB, a
/// port opening). Never a fixed sleep: it returns as soon as the condition holds and fails with
/// the last observation when the deadline passes.
/// </summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        T last;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await observe();
                if (done(last))
                    return last;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                last = default!;
                lastError = ex;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last saw: {(lastError is null ? last : lastError.Message)}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 250));
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        UntilAsync(condition, ok => ok, timeout, what);
}
