using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// Imports a registry YAML file into the park database, all or nothing: the file is read and
/// checked whole (every problem with its line), then checked against the database (districts,
/// ids other parks hold), and only a file with no problem is applied, in one transaction audited
/// as <c>import:FILE</c>. See <see cref="RegistryImportApplier"/> for what "the file is the truth" means.
/// </summary>
public sealed class RegistryImporter(IDbContextFactory<ParkDbContext> factory)
{
    /// <summary>The clock the audit entries are stamped with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public async Task<RegistryImportResult> ImportFileAsync(string path, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        return await ImportAsync(reader, Path.GetFileName(path), progress, cancellationToken);
    }

    /// <summary>Imports registry YAML; <c>fileName</c> names the import in the audit trail (<c>import:FILE</c>).</summary>
    public async Task<RegistryImportResult> ImportAsync(TextReader text, string fileName, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report($"reading and checking {fileName}");
        var content = RegistryFileContent.Read(text);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = $"import:{fileName}";
        db.Clock = Clock;
        // Deletions cascade at the save, after every device and point has been moved where the file puts it.
        db.ChangeTracker.CascadeDeleteTiming = CascadeTiming.OnSaveChanges;
        db.ChangeTracker.DeleteOrphansTiming = CascadeTiming.OnSaveChanges;
        // One transaction from the checks to the save: what was checked is what is written.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var districts = new DistrictNames(await db.Jurisdictions.AsNoTracking().ToListAsync(cancellationToken));
        var conflicts = await RegistryImportConflicts.FindAsync(db, content, districts, cancellationToken);
        if (content.Errors.Count + conflicts.Count > 0)
            return RegistryImportResult.Failed(content.Errors.Concat(conflicts).OrderBy(e => e.Line).ToList());

        progress?.Report($"applying {content.Registry.Parks.Count} park(s) and {content.Registry.Services.Count} service(s)");
        await new RegistryImportApplier(db, content, districts, progress).ApplyAsync(cancellationToken);
        db.ChangeTracker.DetectChanges();
        var (created, updated, deleted) = Count(db.ChangeTracker);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RegistryImportResult.Failed([new(0, "someone changed these parks while the import ran; nothing was imported: run it again")]);
        }
        catch (DbUpdateException ex)
        {
            return RegistryImportResult.Failed([new(0, $"the database refused the import, nothing was imported: {ex.InnerException?.Message ?? ex.Message}")]);
        }
        return new RegistryImportResult([], created, updated, deleted);
    }

    private static (int Created, int Updated, int Deleted) Count(ChangeTracker tracker)
    {
        var audited = tracker.Entries().Where(e => e.Entity is IAudited).ToList();
        return (audited.Count(e => e.State == EntityState.Added),
                audited.Count(e => e.State == EntityState.Modified),
                audited.Count(e => e.State == EntityState.Deleted));
    }
}
