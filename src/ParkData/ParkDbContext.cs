using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData.Auditing;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Entities.Rectification;

namespace SmartPark.ParkData;

/// <summary>
/// The park database. One model for both providers; each provider has its own subclass only so
/// that each keeps its own migrations (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>), as
/// EF Core's guidance for several providers says. Saving does three things besides the rows, in
/// one transaction: raises each edited row's <see cref="IVersioned.Version"/> (and fails on a
/// stale one), writes an <see cref="AuditEntry"/> per change, and moves the
/// <see cref="RegistryRevision"/> when a registry row changed.
/// </summary>
public abstract class ParkDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<MonitoringPoint> MonitoringPoints => Set<MonitoringPoint>();
    public DbSet<PermitLimitRow> PermitLimits => Set<PermitLimitRow>();
    public DbSet<DutyRosterRow> DutyRosters => Set<DutyRosterRow>();
    public DbSet<ServiceAccountRow> ServiceAccounts => Set<ServiceAccountRow>();
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<RenovationProject> Projects => Set<RenovationProject>();
    public DbSet<ProjectStage> Stages => Set<ProjectStage>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<RegistryRevision> RegistryRevisions => Set<RegistryRevision>();
    public DbSet<EnterpriseEconomics> Economics => Set<EnterpriseEconomics>();
    public DbSet<SupervisionAgreement> Agreements => Set<SupervisionAgreement>();
    public DbSet<EfficiencySchemeRow> EfficiencySchemes => Set<EfficiencySchemeRow>();
    public DbSet<MeterReplacement> MeterReplacements => Set<MeterReplacement>();
    public DbSet<RectificationOrder> RectificationOrders => Set<RectificationOrder>();
    public DbSet<RectificationStep> RectificationSteps => Set<RectificationStep>();
    public DbSet<RectificationEvidence> RectificationEvidence => Set<RectificationEvidence>();
    public DbSet<InspectionChecklist> InspectionChecklists => Set<InspectionChecklist>();
    public DbSet<Inspection> Inspections => Set<Inspection>();

    /// <summary>Who the changes saved next are audited as: the signed-in user's name, <c>import:FILE</c>, or <c>system</c>.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>The clock audit entries are stamped with (tests set a fake one).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder model) => ParkModel.Configure(model);

    /// <summary>Every DateTime is stored and read as UTC on both providers (<see cref="Conventions.UtcDateTimeConverter"/>).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTime>().HaveConversion<Conventions.UtcDateTimeConverter>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <remarks>Changes are always accepted on success: the audit entries are saved after the rows.</remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeRecorder.Prepare(this);
        if (changes.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Our own transaction unless the caller holds one (an import saves many batches in one).
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            // Rows first, so generated keys (projects, stages) are known when their entries are
            // written. A stale version fails here, before anything else is tracked, so the caller
            // can reload and retry with this context.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            // Accept before the entries are made: only then do generated keys reach the entities
            // whose audit keys they read (a new project was audited as "project:0" before).
            ChangeTracker.AcceptAllChanges();
            var entries = changes.Select(c => c.ToEntry(Actor, now)).ToList();
            Audit.AddRange(entries);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (changes.Any(c => c.TouchesRegistry))
            {
                // One atomic increment in SQL: two concurrent editors each move it, so a poller never
                // mistakes the second change for the first.
                await RegistryRevisions.Where(r => r.Id == RegistryRevision.SingletonId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Number, r => r.Number + 1).SetProperty(r => r.ChangedAt, now), cancellationToken);
            }
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return saved;
        }
        catch
        {
            // Past the first save the tracked state no longer matches the rolled-back rows: a
            // context whose save failed there is to be discarded, as EF Core advises anyway.
            if (own is not null)
                await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
