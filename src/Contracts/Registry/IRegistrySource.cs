namespace SmartPark.Contracts.Registry;

/// <summary>
/// Where the registry comes from when it is not a file: the park database. The registry provider
/// asks <see cref="RevisionAsync"/> every <see cref="PollInterval"/> (a one-row read) and, when it
/// moved, <see cref="LoadAsync"/>, validates what it got and takes it into force, or keeps the
/// last good registry. Both may throw when the source cannot be read (down, not migrated yet);
/// the provider logs that and asks again at the next poll.
/// </summary>
public interface IRegistrySource
{
    /// <summary>What the logs and the health check call it: <c>park database (postgres)</c>.</summary>
    string Name { get; }

    TimeSpan PollInterval { get; }

    /// <summary>A number that changes with every change to what <see cref="LoadAsync"/> returns.</summary>
    Task<long> RevisionAsync(CancellationToken cancellationToken);

    /// <summary>The registry as the source holds it now, not yet validated (the provider runs <see cref="RegistryValidator"/>).</summary>
    Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A registry read from a source, the <paramref name="Revision"/> it is consistent with, and the
/// problems found while reading it (a row that could not be read at all, e.g. malformed JSON).
/// </summary>
public sealed record RegistrySnapshot(ParkRegistry Registry, long Revision, IReadOnlyList<RegistryError> Problems);
