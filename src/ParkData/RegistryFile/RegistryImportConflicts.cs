using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// What a file can only be checked against the database for: each park's district must be a
/// jurisdiction the database knows, and what is unique across every park (device ids, which are
/// MQTT usernames; monitoring point MNs; credit codes; service ids) must not already belong to a
/// park the file does not list, since the import leaves those parks as they are. Run on a file
/// with problems too, so that one run reports them all.
/// </summary>
internal static class RegistryImportConflicts
{
    public static async Task<List<RegistryError>> FindAsync(ParkDbContext db, RegistryFileContent content, DistrictNames districts, CancellationToken cancellationToken)
    {
        var registry = content.Registry;
        var errors = new List<RegistryError>();
        foreach (var park in registry.Parks.Where(p => p.District.Length > 0 && districts.Find(p.District) is null))
            errors.Add(new(park.LineOf("district"), $"park '{park.Id}': district '{park.District}' is not one the database knows (its id, English or Chinese name: {string.Join(", ", districts.Known)})"));

        var listed = registry.Parks.Select(p => p.Id).ToList();
        var devices = (from park in registry.Parks from enterprise in park.Enterprises from device in enterprise.Devices select device)
            .FirstById(d => d.Id);
        var deviceIds = devices.Keys.ToList();
        foreach (var taken in await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id) && !listed.Contains(d.ParkId)).ToListAsync(cancellationToken))
            errors.Add(new(devices[taken.Id].LineOf("id"), $"device '{taken.Id}' is already registered in park '{taken.ParkId}', which this file does not list (device ids are MQTT usernames, unique across all parks): remove it there or list that park here"));

        var points = (from park in registry.Parks from enterprise in park.Enterprises from point in enterprise.MonitoringPoints select point)
            .FirstById(p => p.Mn);
        var mns = points.Keys.ToList();
        foreach (var taken in await db.MonitoringPoints.AsNoTracking().Where(p => mns.Contains(p.Mn) && !listed.Contains(p.ParkId)).ToListAsync(cancellationToken))
            errors.Add(new(points[taken.Mn].LineOf("mn"), $"monitoring point '{taken.Mn}' already belongs to park '{taken.ParkId}', which this file does not list: remove it there or list that park here"));

        var codes = (from park in registry.Parks
                     from enterprise in park.Enterprises
                     let supervision = content.Supervision.Of(enterprise)
                     where supervision.CreditCode is not null
                     select supervision).FirstById(s => s.CreditCode!);
        var codeList = codes.Keys.ToList();
        foreach (var taken in await db.Enterprises.AsNoTracking().Where(e => e.CreditCode != null && codeList.Contains(e.CreditCode) && !listed.Contains(e.ParkId)).ToListAsync(cancellationToken))
            errors.Add(new(codes[taken.CreditCode!].LineOf("creditCode"), $"creditCode '{taken.CreditCode}' is already enterprise '{taken.Id}' of park '{taken.ParkId}', which this file does not list"));

        var services = registry.Services.FirstById(s => s.Id);
        var serviceIds = services.Keys.ToList();
        foreach (var taken in await db.Devices.AsNoTracking().Where(d => serviceIds.Contains(d.Id) && !listed.Contains(d.ParkId)).ToListAsync(cancellationToken))
            errors.Add(new(services[taken.Id].LineOf("id"), $"service '{taken.Id}' has the id of a device of park '{taken.ParkId}' (both are MQTT usernames)"));
        foreach (var taken in await db.ServiceAccounts.AsNoTracking().Where(s => deviceIds.Contains(s.Id) && !serviceIds.Contains(s.Id)).ToListAsync(cancellationToken))
            errors.Add(new(devices[taken.Id].LineOf("id"), $"device '{taken.Id}' has the id of the database's service account '{taken.Id}' (both are MQTT usernames)"));
        return errors;
    }

    /// <summary>The first entry for each id (a repeated id is the file's own problem, reported by its checks).</summary>
    private static Dictionary<string, T> FirstById<T>(this IEnumerable<T> entries, Func<T, string> id)
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => id(e).Length > 0))
            first.TryAdd(id(entry), entry);
        return first;
    }
}
