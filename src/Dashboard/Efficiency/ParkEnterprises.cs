using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Efficiency;

/// <summary>
/// Whether a park holds an enterprise, decided on the data: the park database when the Dashboard
/// has one (the record the districts keep), else the registry in force. Checked before an
/// enterprise's consumption is read, so an id the park does not hold answers 404 and never reaches a query.
/// </summary>
public sealed class ParkEnterprises(RegistryProvider registry, IServiceProvider services)
{
    public async Task<bool> HoldsAsync(string park, string enterprise, CancellationToken cancellationToken)
    {
        if (services.GetService<IDbContextFactory<ParkDbContext>>() is { } factory)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Enterprises.AnyAsync(e => e.ParkId == park && e.Id == enterprise, cancellationToken);
        }
        return registry.Current?.FindEnterprise(park, enterprise) is not null;
    }
}
