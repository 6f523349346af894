using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Registry;

namespace SmartPark.Platform.Registry;

/// <summary>
/// Holds the registry in force. From a file (<see cref="RegistryOptions.Path"/>): at start-up an
/// invalid file stops the service with every problem listed. Afterwards the file is watched: a
/// change is loaded once it has been quiet for <see cref="RegistryOptions.ReloadDelay"/>; an
/// invalid new version is logged with its problems and the last good registry stays in force, so
/// a typo never locks every device out. From an <see cref="IRegistrySource"/> (the park database,
/// when no file is set): polled, see <see cref="RegistrySourcePoller"/>, with the same rule.
/// </summary>
public sealed class RegistryProvider : IHostedService, IDisposable
{
    private readonly RegistryOptions _options;
    private readonly ILogger<RegistryProvider> _logger;
    private readonly Lock _gate = new();
    private readonly RegistrySourcePoller? _poller;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private ParkRegistry? _current;
    private long _version;
    private long _rejected;
    private string? _fileProblem;

    public RegistryProvider(IOptions<RegistryOptions> options, ILogger<RegistryProvider> logger, IRegistrySource? source = null)
    {
        _options = options.Value;
        _logger = logger;
        // Loaded here, not in StartAsync, so services that start earlier (the broker) already see it.
        if (IsFileConfigured)
            Load(initial: true);
        else if (source is not null)
            _poller = new RegistrySourcePoller(source, this, logger);
    }

    /// <summary>True when a registry is configured (a file or a source): then only its accounts get in.</summary>
    public bool IsConfigured => IsFileConfigured || _poller is not null;

    private bool IsFileConfigured => !string.IsNullOrWhiteSpace(_options.Path);

    /// <summary>Where the registry comes from and how that stands, for the readiness check.</summary>
    public RegistrySourceState SourceState => _poller?.State
        ?? (IsFileConfigured ? new RegistrySourceState($"file {_options.Path}", Current is not null, Volatile.Read(ref _fileProblem)) : RegistrySourceState.None);

    /// <summary>The registry in force; null when none is configured.</summary>
    public ParkRegistry? Current => Volatile.Read(ref _current);

    /// <summary>Goes up by one with every registry taken into force.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Changed files that were invalid and left the previous registry in force.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_poller is not null)
        {
            // The first read is awaited, so the broker starting next already has the registry; a
            // source that is not ready (not migrated yet) is retried by the poller, not fatal.
            await _poller.StartAsync(cancellationToken);
            return;
        }
        if (!IsConfigured)
        {
            _logger.LogWarning("Neither Registry:Path nor ParkDatabase:ConnectionString is set: the broker accepts anonymous clients and telemetry from any device is accepted. Set one in production");
            return;
        }
        var path = Path.GetFullPath(_options.Path!);
        _debounce = new Timer(_ => Load(initial: false));
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        // Editors and deploy tools save by writing, truncating, or renaming a new file into place.
        _watcher.Changed += (_, _) => Touch();
        _watcher.Created += (_, _) => Touch();
        _watcher.Renamed += (_, _) => Touch();
        _watcher.EnableRaisingEvents = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
            _watcher.EnableRaisingEvents = false;
        if (_poller is not null)
            await _poller.StopAsync();
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _poller?.Dispose();
    }

    /// <summary>Takes a validated registry from the source into force.</summary>
    internal void Accept(ParkRegistry registry)
    {
        Volatile.Write(ref _current, registry);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Counts a change from the source that was invalid and left the previous registry in force.</summary>
    internal void Reject() => Interlocked.Increment(ref _rejected);

    private void Touch() => _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);

    private void Load(bool initial)
    {
        var path = _options.Path!;
        lock (_gate)
        {
            try
            {
                var registry = RegistryLoader.Load(path);
                Volatile.Write(ref _current, registry);
                Interlocked.Increment(ref _version);
                Volatile.Write(ref _fileProblem, null);
                _logger.LogInformation("Registry {Path} {Action}: {Parks} parks, {Devices} devices, {Services} service accounts",
                    path, initial ? "loaded" : "reloaded", registry.Parks.Count, registry.Devices.Count(), registry.Services.Count);
            }
            catch (RegistryException ex) when (!initial)
            {
                Interlocked.Increment(ref _rejected);
                Volatile.Write(ref _fileProblem, $"the changed file is invalid, the previous registry stays in force ({ex.Errors.Count} problem(s))");
                _logger.LogError("Registry {Path} changed but is invalid; the previous registry stays in force. {ErrorCount} problem(s): {Errors}",
                    path, ex.Errors.Count, string.Join("; ", ex.Errors));
            }
            catch (Exception ex) when (!initial && ex is IOException or UnauthorizedAccessException)
            {
                // Usually the writer still holds the file or it is being replaced; its next event brings us back.
                Interlocked.Increment(ref _rejected);
                _logger.LogWarning("Registry {Path} could not be read ({Error}); the previous registry stays in force", path, ex.Message);
            }
        }
    }
}
