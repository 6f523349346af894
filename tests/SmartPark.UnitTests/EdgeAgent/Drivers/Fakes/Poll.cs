namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

/// <summary>Bounded waiting for what another task makes true; never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var last = await observe();
            if (done(last))
                return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last saw: {last}");
            await Task.Delay(10);
        }
    }
}
