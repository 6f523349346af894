using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>One field's change in an audit entry, its values as the JSON text the trail holds (null: none).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One audit entry of a park as the history list shows it.</summary>
public sealed record HistoryEntry(DateTime At, string Actor, string Action, string Entity, string Key, IReadOnlyList<FieldChange> Changes);

/// <summary>Who changed a row last, and when: what a refused stale save shows.</summary>
public sealed record LastChange(string Actor, DateTime At);

/// <summary>A park's change history, read from the audit trail (which the database writes with each save).</summary>
public static class ParkHistory
{
    public static async Task<IReadOnlyList<HistoryEntry>> OfParkAsync(ParkDbContext db, string park, int limit, CancellationToken cancellationToken)
    {
        var entries = await db.Audit.AsNoTracking().Where(a => a.ParkId == park)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return entries.Select(e => new HistoryEntry(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Actor, e.Action, e.Entity, e.Key, Diff(e.Before, e.After))).ToList();
    }

    public static async Task<LastChange?> LastChangeAsync(ParkDbContext db, string key, CancellationToken cancellationToken) =>
        await db.Audit.AsNoTracking().Where(a => a.Key == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new LastChange(a.Actor, DateTime.SpecifyKind(a.At, DateTimeKind.Utc)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The fields whose values differ between the two JSON objects (all of them for a creation), the version left out.</summary>
    public static IReadOnlyList<FieldChange> Diff(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return old.Keys.Union(now.Keys).Where(f => f != nameof(IVersioned.Version))
            .Select(f => new FieldChange(f, old.GetValueOrDefault(f), now.GetValueOrDefault(f)))
            .Where(c => c.Before != c.After)
            .OrderBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return fields;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }
        return fields;
    }
}
