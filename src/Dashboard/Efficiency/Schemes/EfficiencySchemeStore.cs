using Microsoft.EntityFrameworkCore;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Efficiency.Schemes;

/// <summary>A district's stored scheme: the row's first year and version, and the scheme it holds.</summary>
public sealed record StoredScheme(string DistrictId, int FromYear, long Version, EfficiencyScheme Scheme);

/// <summary>
/// Which scheme evaluates a district's year: the <c>EfficiencySchemes</c> row of the district with
/// the greatest first year not after it (a district that changes its rules keeps earlier years'
/// results reproducible), else <see cref="EfficiencyScheme.Default"/>. Stored documents are
/// validated on the way in; one that no longer parses is an error, never silently the default.
/// </summary>
public static class EfficiencySchemeStore
{
    /// <summary>The scheme that evaluates <paramref name="districtId"/>'s <paramref name="year"/>.</summary>
    public static async Task<EfficiencyScheme> ResolveAsync(ParkDbContext db, string districtId, int year, CancellationToken cancellationToken = default) =>
        (await FindAsync(db, districtId, year, cancellationToken))?.Scheme ?? EfficiencyScheme.Default;

    /// <summary>The stored row that applies to the year, or null when the district uses the default.</summary>
    public static async Task<StoredScheme?> FindAsync(ParkDbContext db, string districtId, int year, CancellationToken cancellationToken = default)
    {
        var row = await db.EfficiencySchemes.AsNoTracking()
            .Where(s => s.JurisdictionId == districtId && s.FromYear <= year)
            .OrderByDescending(s => s.FromYear)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredScheme(row.JurisdictionId, row.FromYear, row.Version, EfficiencyScheme.Parse(row.Document));
    }

    /// <summary>Every stored row of the district (first year and version), oldest first.</summary>
    public static async Task<IReadOnlyList<(int FromYear, long Version)>> ListAsync(ParkDbContext db, string districtId, CancellationToken cancellationToken = default) =>
        (await db.EfficiencySchemes.AsNoTracking().Where(s => s.JurisdictionId == districtId).OrderBy(s => s.FromYear)
            .Select(s => new { s.FromYear, s.Version }).ToListAsync(cancellationToken))
        .Select(s => (s.FromYear, s.Version)).ToList();
}
