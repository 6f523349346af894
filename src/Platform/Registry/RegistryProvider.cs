using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Registry;

namespace SmartPark.Platform.Registry;

/// <summary>
/// Holds the registry in force. At start-up an invalid file stops the service with every problem
/// listed. Afterwards the file is watched: a change is loaded once it has been quiet for
/// <see cref="RegistryOptions.ReloadDelay"/>; an invalid new version is logged with its problems
/// and the last good registry stays in force, so a typo never locks every device out.
/// </summary>
public sealed class RegistryProvider : IHostedService, IDisposable
{
    private readonly RegistryOptions _options;
    private readonly ILogger<RegistryProvider> _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private ParkRegistry? _current;
    private long _version;
    private long _rejected;

    public RegistryProvider(IOptions<RegistryOptions> options, ILogger<RegistryProvider> logger)
    {
        _options = options.Value;
        _logger = logger;
        // Loaded here, not in StartAsync, so services that start earlier (the broker) already see it.
        if (IsConfigured)
            Load(initial: true);
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Path);

    /// <summary>The registry in force; null when none is configured.</summary>
    public ParkRegistry? Current => Volatile.Read(ref _current);

    /// <summary>Goes up by one with every registry taken into force.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Changed files that were invalid and left the previous registry in force.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            _logger.LogWarning("Registry:Path is not set: the broker accepts anonymous clients and telemetry from any device is accepted. Set it to a registry file in production");
            return Task.CompletedTask;
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
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
            _watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

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
                _logger.LogInformation("Registry {Path} {Action}: {Parks} parks, {Devices} devices, {Services} service accounts",
                    path, initial ? "loaded" : "reloaded", registry.Parks.Count, registry.Devices.Count(), registry.Services.Count);
            }
            catch (RegistryException ex) when (!initial)
            {
                Interlocked.Increment(ref _rejected);
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
