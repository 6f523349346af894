using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Supervision.Access;

/// <summary>
/// Where each park lies: its district and that district's city, as the data says. With a park
/// database it is the parks' <c>DistrictId</c> and the jurisdictions' <c>CityId</c>; without one it
/// is the registry's <c>district</c> (matched to a known jurisdiction by id or name) and the seeded
/// jurisdictions' cities. Read at most once per <see cref="ParkDatabaseOptions.PollInterval"/> and
/// at once after an edit here (<see cref="Invalidate"/>), so a park added or moved shows in the
/// officials' views by their next request.
/// </summary>
public sealed class ParkDirectory(IServiceProvider services, RegistryProvider registry, TimeProvider time)
{
    private readonly IDbContextFactory<ParkDbContext>? _database = services.GetService<IDbContextFactory<ParkDbContext>>();
    private readonly TimeSpan _lifetime = services.GetService<IOptions<ParkDatabaseOptions>>()?.Value.PollInterval ?? TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The parks of each district and of each city, read when they were.</summary>
    public sealed record Snapshot(DateTimeOffset ReadAt, long? RegistryVersion, IReadOnlyDictionary<string, string[]> ParksByDistrict, IReadOnlyDictionary<string, string[]> ParksByCity);

    /// <summary>Forgets what was read, so the next request reads the data again (after an edit made here).</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>The parks a district or city official supervises (empty for other roles: their parks are listed for them).</summary>
    public async ValueTask<IReadOnlyList<string>> SupervisedParksAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        string[]? parks = null;
        if (user.IsInRole(DashboardRoles.District) && user.District() is { } district)
            (await CurrentAsync(cancellationToken)).ParksByDistrict.TryGetValue(district, out parks);
        else if (user.IsInRole(DashboardRoles.City) && user.City() is { } city)
            (await CurrentAsync(cancellationToken)).ParksByCity.TryGetValue(city, out parks);
        return parks ?? [];
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Fresh(_snapshot, now) is { } fresh)
            return fresh;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_snapshot, now) is { } again)
                return again;
            var read = _database is null ? FromRegistry(now) : await FromDatabaseAsync(_database, now, cancellationToken);
            _snapshot = read;
            return read;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Snapshot? Fresh(Snapshot? snapshot, DateTimeOffset now) =>
        snapshot is not null && now - snapshot.ReadAt < _lifetime && (snapshot.RegistryVersion is null || snapshot.RegistryVersion == registry.Version) ? snapshot : null;

    private static async Task<Snapshot> FromDatabaseAsync(IDbContextFactory<ParkDbContext> factory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Parks.AsNoTracking()
            .Join(db.Jurisdictions, p => p.DistrictId, j => j.Id, (p, j) => new { Park = p.Id, District = j.Id, City = j.CityId })
            .ToListAsync(cancellationToken);
        return Build(now, null, rows.Select(r => (r.Park, r.District, r.City)));
    }

    private Snapshot FromRegistry(DateTimeOffset now)
    {
        var jurisdictions = JurisdictionSeed.All();
        var rows = new List<(string, string, string)>();
        foreach (var park in registry.Current?.Parks ?? [])
        {
            // The registry's district is free text ("Baiyun", "白云区" or "baiyun"): a park whose
            // district matches no known jurisdiction is supervised by nobody, rather than guessed.
            var district = jurisdictions.FirstOrDefault(j =>
                string.Equals(j.Id, park.District, StringComparison.OrdinalIgnoreCase)
                || string.Equals(j.NameEn, park.District, StringComparison.OrdinalIgnoreCase)
                || string.Equals(j.NameZh, park.District, StringComparison.Ordinal));
            if (district is not null)
                rows.Add((park.Id, district.Id, district.CityId));
        }
        return Build(now, registry.Version, rows);
    }

    private static Snapshot Build(DateTimeOffset now, long? registryVersion, IEnumerable<(string Park, string District, string City)> rows)
    {
        var list = rows.ToList();
        return new Snapshot(now, registryVersion,
            list.GroupBy(r => r.District, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Park).ToArray(), StringComparer.Ordinal),
            list.GroupBy(r => r.City, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Park).ToArray(), StringComparer.Ordinal));
    }
}
