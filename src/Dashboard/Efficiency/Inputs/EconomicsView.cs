using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Sheets;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// One enterprise and its figures for a year, as the inputs page lists them: who (park, id, names,
/// credit code, industry), its land in mu from the park database, and the figures entered so far
/// (all null, the version too, and <see cref="Entered"/> false before anyone entered them).
/// </summary>
public sealed record EnterpriseEconomicsView(
    string ParkId,
    string ParkNameZh,
    string? ParkNameEn,
    string EnterpriseId,
    string NameZh,
    string? NameEn,
    string? CreditCode,
    string Industry,
    double LandAreaMu,
    int Year,
    bool Entered,
    double? OutputValue,
    double? ValueAdded,
    double? Revenue,
    double? TaxPaid,
    int? Employees,
    double? RdSpending,
    string Standing,
    string? Source,
    long? Version)
{
    /// <summary>The park database keeps land in m²; the evaluation counts mu (1 亩 = 10000/15 m²).</summary>
    public static double Mu(double squareMetres) => Math.Round(squareMetres / DistrictSheetParser.SquareMetresPerMu, 4);

    public static EnterpriseEconomicsView Of(Enterprise enterprise, Park park, int year, EnterpriseEconomics? figures) => new(
        park.Id, park.NameZh, park.NameEn, enterprise.Id, enterprise.NameZh, enterprise.NameEn, enterprise.CreditCode, enterprise.Industry,
        Mu(enterprise.LandAreaM2), year, figures is not null,
        figures?.OutputValue, figures?.ValueAdded, figures?.Revenue, figures?.TaxPaid, figures?.Employees, figures?.RdSpending,
        figures?.Standing ?? ParkData.Vocabulary.EvaluationStanding.Graded, figures?.Source, figures?.Version);

    /// <summary>The enterprises of the given parks, each with its figures for the year, ordered by park and enterprise.</summary>
    public static async Task<List<EnterpriseEconomicsView>> LoadAsync(ParkDbContext db, IQueryable<Park> parks, int year, CancellationToken ct)
    {
        var parkRows = await parks.AsNoTracking().Include(p => p.Enterprises).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = parkRows.Select(p => p.Id).ToList();
        var figures = await db.Economics.AsNoTracking().Where(e => e.Year == year && ids.Contains(e.ParkId))
            .ToDictionaryAsync(e => (e.ParkId, e.EnterpriseId), ct);
        return [.. parkRows.SelectMany(p => p.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => Of(e, p, year, figures.GetValueOrDefault((p.Id, e.Id)))))];
    }
}
