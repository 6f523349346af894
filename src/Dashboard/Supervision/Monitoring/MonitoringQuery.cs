using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Supervision.Monitoring;

/// <summary>
/// The monitoring status of many parks at once: their enterprises and devices in two queries, the
/// quarter's exceedances in one InfluxDB query, the rest from memory (<see cref="ParkMonitor"/>).
/// The caller passes only parks the user may see.
/// </summary>
public sealed class MonitoringQuery(ParkMonitor monitor, QuarterExceedances exceedances, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, MonitoringStatus>> StatusesAsync(ParkDbContext db, IReadOnlyCollection<string> parks, CancellationToken cancellationToken)
    {
        var enterprises = (await db.Enterprises.AsNoTracking().Where(e => parks.Contains(e.ParkId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.ParkId, StringComparer.Ordinal);
        var devices = (await db.Devices.AsNoTracking().Where(d => parks.Contains(d.ParkId)).Select(d => new { d.ParkId, d.Id }).ToListAsync(cancellationToken))
            .ToLookup(d => d.ParkId, d => d.Id, StringComparer.Ordinal);
        var quarterStart = SupervisionCalendar.QuarterStart(clock);
        var counts = await exceedances.CountByParkAsync(parks, quarterStart, cancellationToken);
        return parks.Distinct(StringComparer.Ordinal).ToDictionary(
            park => park,
            park => monitor.Status(park, new ParkMonitor.ParkInventory([.. enterprises[park]], [.. devices[park]]), counts?.GetValueOrDefault(park), quarterStart),
            StringComparer.Ordinal);
    }
}
