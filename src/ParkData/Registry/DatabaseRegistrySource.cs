using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Registry;

/// <summary>
/// The registry from the park database, for the services that read it (Ingest, Uplink, the
/// Dashboard's tiles). The revision is the <see cref="RegistryRevision"/> row, which every saving
/// transaction that touches a registry row moves; it is read before and after the rows, and the
/// rows are read again if it moved in between, so a registry never mixes two edits. Never
/// migrates: the Dashboard owns the schema, and until it has run the reads fail and are retried.
/// </summary>
public sealed class DatabaseRegistrySource(IDbContextFactory<ParkDbContext> factory, IOptions<ParkDatabaseOptions> options) : IRegistrySource
{
    private const int Attempts = 5;

    public string Name => $"park database ({options.Value.Provider})";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public async Task<long> RevisionAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await RevisionAsync(db, cancellationToken);
    }

    public async Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var before = await RevisionAsync(db, cancellationToken);
            var (registry, problems) = await RegistryRows.ReadAsync(db, cancellationToken);
            var after = await RevisionAsync(db, cancellationToken);
            // Edits arriving faster than a read for several reads in a row: take the last one;
            // the revision it carries is the older, so the next poll reads again.
            if (before == after || attempt == Attempts)
                return new RegistrySnapshot(registry, before, problems);
        }
    }

    private static Task<long> RevisionAsync(ParkDbContext db, CancellationToken cancellationToken) =>
        db.RegistryRevisions.AsNoTracking().Where(r => r.Id == RegistryRevision.SingletonId).Select(r => r.Number).SingleAsync(cancellationToken);
}
