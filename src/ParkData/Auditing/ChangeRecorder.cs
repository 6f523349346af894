using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Entities.Rectification;

namespace SmartPark.ParkData.Auditing;

/// <summary>
/// Reads what is about to be saved: raises versions, captures each audited row's values before
/// and after, and says whether the runtime registry must be rebuilt.
/// </summary>
internal static class ChangeRecorder
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IReadOnlyList<RecordedChange> Prepare(DbContext context)
    {
        var changes = new List<RecordedChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                // The original version (as loaded, or as the editor's form sent it) is what the
                // UPDATE's WHERE checks; the new one is one more.
                var original = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                versioned.Version = original + 1;
            }
            if (entry.Entity is not IAudited audited)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Deleted => "deleted",
                _ => "updated",
            };
            if (action == "updated" && !entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)))
                continue;
            changes.Add(new RecordedChange(entry, audited, action, action == "created" ? null : Values(entry, original: true)));
        }
        return changes;
    }

    internal static string Values(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            // A password hash is not history anyone should read back (offline guessing): the
            // trail says that it changed, by a digest that shows a change and reveals nothing.
            values[property.Metadata.Name] = property.Metadata.Name == nameof(UserAccount.PasswordHash) && value is string hash
                ? "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hash)), 0, 8)
                : value;
        }
        return JsonSerializer.Serialize(values, Json);
    }
}

/// <summary>One row's change, captured before the save (its before-values) and completed after (its key and after-values).</summary>
internal sealed record RecordedChange(EntityEntry Entry, IAudited Row, string Action, string? Before)
{
    public bool TouchesRegistry => Row is IRegistryRow;

    public AuditEntry ToEntry(string actor, DateTime at) => new()
    {
        At = at,
        Actor = actor,
        Action = Action,
        Entity = Entry.Metadata.ClrType.Name,
        Key = Row.AuditKey,
        ParkId = ParkOf(Entry),
        Before = Before,
        After = Action == "deleted" ? null : ChangeRecorder.Values(Entry, original: false),
    };

    private static string? ParkOf(EntityEntry entry) => entry.Entity switch
    {
        Park park => park.Id,
        Enterprise enterprise => enterprise.ParkId,
        Device device => device.ParkId,
        MonitoringPoint point => point.ParkId,
        PermitLimitRow limit => limit.ParkId,
        DutyRosterRow duty => duty.ParkId,
        RenovationProject project => project.ParkId,
        ProjectStage stage => stage.Project?.ParkId,
        EnterpriseEconomics economics => economics.ParkId,
        SupervisionAgreement agreement => agreement.ParkId,
        MeterReplacement replacement => replacement.ParkId,
        RectificationOrder order => order.ParkId,
        RectificationEvidence evidence => evidence.ParkId,
        InspectionChecklist checklist => checklist.ParkId,
        Inspection inspection => inspection.ParkId,
        _ => null,
    };
}
