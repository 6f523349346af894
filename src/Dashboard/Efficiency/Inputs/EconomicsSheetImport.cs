using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Sheets;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>What an import did or, on a dry run, would do; with problems, nothing was written.</summary>
public sealed record EconomicsImportReport(
    string District,
    int Year,
    bool DryRun,
    bool Imported,
    IReadOnlyList<EconomicsSheetProblem> Problems,
    IReadOnlyList<string> IgnoredColumns,
    int Created,
    int Updated,
    int Unchanged);

/// <summary>
/// Imports a district's economic figures for one year from a sheet. Every row is checked first:
/// against the sheet (an enterprise twice) and the database (a credit code or id no enterprise
/// has, an enterprise of another district, a credit code naming another enterprise than the ids
/// beside it). Only a clean sheet is written, all rows in one save (one transaction), audited as
/// the importer with the file name as the figures' source. A cell left empty keeps the stored
/// figure; rows not in the sheet are left alone.
/// </summary>
public static class EconomicsSheetImport
{
    public static async Task<EconomicsImportReport> RunAsync(ParkDbContext db, string districtId, int year, SheetFile file, bool dryRun, string actor, CancellationToken ct)
    {
        var parsed = EconomicsSheetParser.Parse(file);
        var problems = parsed.Problems.ToList();

        // The enterprises the sheet names, wherever they are, with their park's district.
        var codes = parsed.Rows.Where(r => r.CreditCode is not null).Select(r => r.CreditCode!).Distinct(StringComparer.Ordinal).ToList();
        var parks = parsed.Rows.Where(r => r.Park is not null).Select(r => r.Park!).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Enterprises.AsNoTracking()
            .Where(e => (e.CreditCode != null && codes.Contains(e.CreditCode)) || parks.Contains(e.ParkId))
            .Select(e => new { e.ParkId, e.Id, e.CreditCode, e.Park!.DistrictId })
            .ToListAsync(ct);
        var byCode = known.Where(e => e.CreditCode is not null).ToLookup(e => e.CreditCode!, StringComparer.Ordinal);
        var byId = known.ToDictionary(e => (e.ParkId, e.Id));

        var targets = new Dictionary<(string Park, string Enterprise), EconomicsSheetRow>();
        foreach (var row in parsed.Rows)
        {
            void Problem(SheetColumn? column, string code, string? value, string? detail = null) =>
                problems.Add(new EconomicsSheetProblem(row.Sheet, row.Row, column?.Zh, code, value, detail));

            (string ParkId, string Id, string DistrictId)? byItsCode = null;
            if (row.CreditCode is { } code)
            {
                var holder = byCode[code].FirstOrDefault();
                if (holder is null)
                {
                    Problem(EconomicsSheetColumns.CreditCode, EconomicsSheetProblem.UnknownEnterprise, code);
                    continue;
                }
                byItsCode = (holder.ParkId, holder.Id, holder.DistrictId);
            }
            (string ParkId, string Id, string DistrictId)? byItsIds = null;
            if (row.Park is { } park && row.Enterprise is { } enterprise)
            {
                if (!byId.TryGetValue((park, enterprise), out var e))
                {
                    Problem(EconomicsSheetColumns.Enterprise, EconomicsSheetProblem.UnknownEnterprise, $"{park}/{enterprise}");
                    continue;
                }
                byItsIds = (e.ParkId, e.Id, e.DistrictId);
            }
            if (byItsCode is { } c && byItsIds is { } i && (c.ParkId, c.Id) != (i.ParkId, i.Id))
            {
                Problem(EconomicsSheetColumns.CreditCode, EconomicsSheetProblem.IdentityMismatch, $"{i.ParkId}/{i.Id}");
                continue;
            }
            var target = (byItsIds ?? byItsCode)!.Value;
            // Whose the enterprise is decides, not what the sheet says: another district's
            // enterprise is refused whichever way it is named.
            if (target.DistrictId != districtId)
            {
                Problem(byItsIds is null ? EconomicsSheetColumns.CreditCode : EconomicsSheetColumns.Enterprise, EconomicsSheetProblem.OtherDistrict,
                    row.CreditCode ?? $"{row.Park}/{row.Enterprise}");
                continue;
            }
            if (targets.TryGetValue((target.ParkId, target.Id), out var first))
            {
                Problem(null, EconomicsSheetProblem.DuplicateRow, $"{target.ParkId}/{target.Id}", first.Row.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            targets[(target.ParkId, target.Id)] = row;
        }

        if (problems.Count > 0)
        {
            var ordered = problems.OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row).ToList();
            return new EconomicsImportReport(districtId, year, dryRun, false, ordered, parsed.IgnoredColumns, 0, 0, 0);
        }

        var parkIds = targets.Keys.Select(k => k.Park).Distinct().ToList();
        var stored = await db.Economics.Where(e => e.Year == year && parkIds.Contains(e.ParkId)).ToDictionaryAsync(e => (e.ParkId, e.EnterpriseId), ct);
        var touched = new List<EnterpriseEconomics>();
        var skipped = 0;
        foreach (var ((park, enterprise), row) in targets)
        {
            if (!stored.TryGetValue((park, enterprise), out var figures))
            {
                // A template row left empty is no figures for the enterprise, not an empty record of them.
                if (row is { OutputValue: null, ValueAdded: null, Revenue: null, TaxPaid: null, Employees: null, RdSpending: null, Standing: null })
                {
                    skipped++;
                    continue;
                }
                figures = new EnterpriseEconomics { ParkId = park, EnterpriseId = enterprise, Year = year };
                db.Economics.Add(figures);
            }
            Apply(row, figures);
            touched.Add(figures);
        }
        db.ChangeTracker.DetectChanges();
        var created = touched.Count(f => db.Entry(f).State == EntityState.Added);
        var updated = touched.Count(f => db.Entry(f).State == EntityState.Modified);
        var unchanged = touched.Count - created - updated + skipped;
        if (!dryRun)
        {
            // Only a changed row says it came from this file; an unchanged one keeps its source.
            foreach (var figures in touched.Where(f => db.Entry(f).State is EntityState.Added or EntityState.Modified))
                figures.Source = file.Name;
            db.Actor = actor;
            await db.SaveChangesAsync(ct);
        }
        return new EconomicsImportReport(districtId, year, dryRun, !dryRun, [], parsed.IgnoredColumns, created, updated, unchanged);
    }

    private static void Apply(EconomicsSheetRow row, EnterpriseEconomics figures)
    {
        figures.OutputValue = row.OutputValue ?? figures.OutputValue;
        figures.ValueAdded = row.ValueAdded ?? figures.ValueAdded;
        figures.Revenue = row.Revenue ?? figures.Revenue;
        figures.TaxPaid = row.TaxPaid ?? figures.TaxPaid;
        figures.Employees = row.Employees ?? figures.Employees;
        figures.RdSpending = row.RdSpending ?? figures.RdSpending;
        figures.Standing = row.Standing ?? figures.Standing;
    }
}
