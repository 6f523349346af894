using Microsoft.Extensions.Logging;
using SmartPark.Contracts.Registry;

namespace SmartPark.Platform.Registry;

/// <summary>
/// Keeps the registry in force up to date with an <see cref="IRegistrySource"/> (the park
/// database): every <see cref="IRegistrySource.PollInterval"/> it reads the source's revision and,
/// when it moved, loads and validates the whole registry. A valid one is taken into force; an
/// invalid one is logged with its problems and the last good registry stays (as for a file), and
/// is not read again until the revision moves. A source that cannot be read (down, not migrated
/// yet) is logged once and retried at every poll, so a reader never crashes for it.
/// </summary>
internal sealed class RegistrySourcePoller(IRegistrySource source, RegistryProvider provider, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long? _seen;
    private volatile string? _unreachable = "not read yet";
    private volatile string? _invalid;

    public RegistrySourceState State => new(source.Name, provider.Current is not null, _unreachable is { } down ? "cannot be read: " + down : _invalid);

    /// <summary>Reads once (so the services starting next see the registry), then polls in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var first = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        await PollAsync(first.Token);
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(source.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
                await PollAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var revision = await source.RevisionAsync(cancellationToken);
            if (revision != _seen)
                await LoadAsync(cancellationToken);
            else if (_unreachable is not null)
                Reachable();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure to read (connection refused, no such table yet, a timeout) is the
            // source's state, not a crash: log it when it changes, keep the registry, retry.
            var problem = $"{ex.GetType().Name}: {ex.Message}";
            if (problem != _unreachable)
            {
                logger.LogWarning("Registry source {Source} cannot be read ({Problem}); {Kept}, retrying every {Interval}",
                    source.Name, problem, provider.Current is null ? "no registry yet: the broker refuses every client" : "the registry in force stays", source.PollInterval);
            }
            _unreachable = problem;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await source.LoadAsync(cancellationToken);
        Reachable();
        _seen = snapshot.Revision;
        var errors = snapshot.Problems.Concat(RegistryValidator.Validate(snapshot.Registry)).ToList();
        if (errors.Count > 0)
        {
            provider.Reject();
            logger.LogError("Registry from {Source} (revision {Revision}) is invalid; {Kept}. {ErrorCount} problem(s): {Errors}",
                source.Name, snapshot.Revision, provider.Current is null ? "no registry is in force yet" : "the previous registry stays in force",
                errors.Count, string.Join("; ", errors.Select(e => e.Message)));
            _invalid = $"revision {snapshot.Revision} is invalid, {(provider.Current is null ? "none in force" : "the previous one stays")} ({errors.Count} problem(s)): {errors[0].Message}";
            return;
        }
        var registry = snapshot.Registry;
        provider.Accept(registry);
        _invalid = null;
        logger.LogInformation("Registry from {Source} (revision {Revision}) in force: {Parks} parks, {Devices} devices, {Services} service accounts",
            source.Name, snapshot.Revision, registry.Parks.Count, registry.Devices.Count(), registry.Services.Count);
    }

    private void Reachable()
    {
        if (_unreachable is null)
            return;
        if (_seen is not null)
            logger.LogInformation("Registry source {Source} can be read again", source.Name);
        _unreachable = null;
    }
}

/// <summary>Where the registry comes from, whether one is in force, and what is wrong (null: nothing).</summary>
public sealed record RegistrySourceState(string Source, bool Loaded, string? Problem)
{
    public static RegistrySourceState None { get; } = new("none", Loaded: false, Problem: null);
}
