namespace SmartPark.Bench.Measure;

/// <summary>
/// Samples CPU% and RSS of the processes in play once a second. A phase (a ramp step, a ceiling
/// run) opens a window with <see cref="BeginWindow"/> and gets each process's mean CPU and peak
/// RSS over it; the peak RSS of the whole run is kept too.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _pids = [];
    private readonly Dictionary<string, ProcessSample> _last = [];
    private readonly Dictionary<string, ProcessUsage> _window = [];
    private readonly Dictionary<string, long> _peakRss = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProcessSampler() => _loop = RunAsync(_stop.Token);

    public void Watch(string name, int pid)
    {
        lock (_gate)
        {
            // A new process under an old name (Ingest of the next topology) starts its own peak.
            if (_pids.TryGetValue(name, out var old) && old != pid)
                _peakRss.Remove(name);
            _pids[name] = pid;
            _last.Remove(name);
        }
    }

    public void Forget(string name)
    {
        lock (_gate)
            _pids.Remove(name);
    }

    public void BeginWindow()
    {
        lock (_gate)
            _window.Clear();
    }

    /// <summary>Mean CPU% and peak RSS per process since <see cref="BeginWindow"/>.</summary>
    public IReadOnlyDictionary<string, ProcessUsage> Window()
    {
        lock (_gate)
            return new Dictionary<string, ProcessUsage>(_window);
    }

    public long PeakRss(string name)
    {
        lock (_gate)
            return _peakRss.GetValueOrDefault(name);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                SampleAll();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void SampleAll()
    {
        lock (_gate)
        {
            foreach (var (name, pid) in _pids)
            {
                if (ProcessSample.Read(pid) is not { } now)
                    continue;
                _peakRss[name] = Math.Max(_peakRss.GetValueOrDefault(name), now.RssBytes);
                if (_last.TryGetValue(name, out var before))
                {
                    var cpu = ProcessSample.CpuPercent(before, now);
                    _window[name] = _window.GetValueOrDefault(name).Add(cpu, now.RssBytes);
                }
                _last[name] = now;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>CPU% samples and the peak RSS of one process over a window.</summary>
internal readonly record struct ProcessUsage(double CpuSum, int Samples, long PeakRssBytes)
{
    public double MeanCpuPercent => Samples == 0 ? 0 : CpuSum / Samples;

    public ProcessUsage Add(double cpu, long rss) => new(CpuSum + cpu, Samples + 1, Math.Max(PeakRssBytes, rss));
}
