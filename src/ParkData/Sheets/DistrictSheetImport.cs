using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Sheets;

/// <summary>What an import did or, on a dry run, would do; with problems, nothing was written.</summary>
public sealed record SheetImportReport(
    string District,
    bool DryRun,
    bool Imported,
    IReadOnlyList<SheetProblem> Problems,
    IReadOnlyList<string> IgnoredColumns,
    ImportCounts Parks,
    ImportCounts Enterprises);

public sealed record ImportCounts(int Created, int Updated, int Unchanged)
{
    public static ImportCounts None { get; } = new(0, 0, 0);
}

/// <summary>
/// Imports a district's park list (and enterprise list) from its sheets. Everything is checked
/// first, against the sheet itself (duplicate ids and credit codes) and the database (parks of
/// other districts, enterprises of unknown parks, credit codes held by other enterprises, the
/// jurisdiction's minimum park area); only a clean upload is written, in one save, so one
/// transaction, audited as <c>actor</c>. Upsert by id: rows not in the sheet are left alone.
/// </summary>
public static class DistrictSheetImport
{
    public static async Task<SheetImportReport> RunAsync(ParkDbContext db, string districtId, IReadOnlyList<SheetFile> files, bool dryRun, string actor, CancellationToken cancellationToken = default)
    {
        var district = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Id == districtId, cancellationToken)
            ?? throw new ArgumentException($"no district '{districtId}'", nameof(districtId));
        var parsed = DistrictSheetParser.Parse(files);
        var problems = parsed.Problems.ToList();
        if (parsed.Parks.Count == 0 && parsed.Enterprises.Count == 0 && problems.Count == 0)
            problems.Add(new SheetProblem(files.Count > 0 ? files[0].Name : "", 0, null, SheetProblemCode.NoParks));

        // What the database holds that the sheet touches: parks by id (any district) with their
        // enterprises, and the enterprises holding the sheet's credit codes.
        var parkIds = parsed.Parks.Select(p => p.Id).Concat(parsed.Enterprises.Select(e => e.ParkId)).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Parks.Include(p => p.Enterprises).Where(p => parkIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var codes = parsed.Enterprises.Where(e => e.CreditCode is not null).Select(e => e.CreditCode!).Distinct(StringComparer.Ordinal).ToList();
        var holders = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode != null && codes.Contains(e.CreditCode)).Select(e => new { e.ParkId, e.Id, e.CreditCode }).ToListAsync(cancellationToken);
        var jurisdictions = await db.Jurisdictions.AsNoTracking().Select(j => new { j.Id, j.NameZh, j.NameEn }).ToListAsync(cancellationToken);

        var parkRows = new Dictionary<string, ParkRow>(StringComparer.Ordinal);
        foreach (var row in parsed.Parks)
        {
            void Problem(SheetColumn column, string code, string? value, string? detail = null) =>
                problems.Add(new SheetProblem(row.Sheet, row.Row, column.Zh, code, value, detail));
            if (parkRows.TryGetValue(row.Id, out var first))
                Problem(ParkColumns.Id, SheetProblemCode.DuplicateId, row.Id, first.Row.ToString(CultureInfo.InvariantCulture));
            else
                parkRows[row.Id] = row;
            if (row.District is { } named)
            {
                var match = jurisdictions.FirstOrDefault(j => Same(named, j.Id) || Same(named, j.NameZh) || Same(named, j.NameEn) || Same(named, j.NameZh.TrimEnd('区', '县', '市')));
                if (match is null)
                    Problem(ParkColumns.District, SheetProblemCode.UnknownDistrict, named);
                else if (match.Id != district.Id)
                    Problem(ParkColumns.District, SheetProblemCode.OtherDistrict, named);
            }
            // Named as ours or not at all, a park already in another district stays there: the id
            // is taken. Which district is not said; the importer may not see it.
            if (existing.TryGetValue(row.Id, out var known) && known.DistrictId != district.Id)
                Problem(ParkColumns.Id, SheetProblemCode.OtherDistrict, row.Id);
            if (district.MinimumParkHectares is { } minimum && row.LandAreaHectares < minimum)
                problems.Add(new SheetProblem(row.Sheet, row.Row, row.AreaColumn, SheetProblemCode.BelowMinimumArea,
                    row.LandAreaHectares?.ToString("0.####", CultureInfo.InvariantCulture), minimum.ToString(CultureInfo.InvariantCulture)));
        }

        var enterpriseRows = new Dictionary<(string, string), EnterpriseRow>();
        var codeRows = new Dictionary<string, EnterpriseRow>(StringComparer.Ordinal);
        foreach (var row in parsed.Enterprises)
        {
            void Problem(SheetColumn column, string code, string? value, string? detail = null) =>
                problems.Add(new SheetProblem(row.Sheet, row.Row, column.Zh, code, value, detail));
            if (enterpriseRows.TryGetValue((row.ParkId, row.Id), out var first))
                Problem(EnterpriseColumns.Id, SheetProblemCode.DuplicateId, row.Id, first.Row.ToString(CultureInfo.InvariantCulture));
            else
                enterpriseRows[(row.ParkId, row.Id)] = row;
            // A park of another district stays out of reach even when the park sheet names it too.
            if (existing.TryGetValue(row.ParkId, out var park) && park.DistrictId != district.Id)
                Problem(EnterpriseColumns.Park, SheetProblemCode.OtherDistrict, row.ParkId);
            else if (park is null && !parkRows.ContainsKey(row.ParkId))
                Problem(EnterpriseColumns.Park, SheetProblemCode.UnknownPark, row.ParkId);
            if (row.CreditCode is { } code)
            {
                if (codeRows.TryGetValue(code, out var holder))
                    Problem(EnterpriseColumns.CreditCode, SheetProblemCode.DuplicateCreditCode, code, holder.Row.ToString(CultureInfo.InvariantCulture));
                else
                    codeRows[code] = row;
                // Held in the database by another enterprise that this sheet does not give a new code.
                foreach (var other in holders.Where(h => h.CreditCode == code && (h.ParkId, h.Id) != (row.ParkId, row.Id)))
                {
                    var moved = parsed.Enterprises.Any(e => (e.ParkId, e.Id) == (other.ParkId, other.Id) && e.Present.Contains(EnterpriseColumns.CreditCode.Key) && e.CreditCode != code);
                    if (!moved)
                        Problem(EnterpriseColumns.CreditCode, SheetProblemCode.DuplicateCreditCode, code);
                }
            }
        }

        if (problems.Count > 0)
        {
            var ordered = problems.OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row).ToList();
            return new SheetImportReport(district.Id, dryRun, false, ordered, parsed.IgnoredColumns, ImportCounts.None, ImportCounts.None);
        }

        var parkStates = new List<Park>();
        foreach (var row in parkRows.Values)
        {
            if (!existing.TryGetValue(row.Id, out var park))
            {
                park = new Park { Id = row.Id, NameZh = row.NameZh, DistrictId = district.Id, LeadingIndustry = row.LeadingIndustry };
                db.Parks.Add(park);
                existing[row.Id] = park;
            }
            row.ApplyTo(park);
            parkStates.Add(park);
        }
        var enterpriseStates = new List<Enterprise>();
        foreach (var row in enterpriseRows.Values)
        {
            var park = existing[row.ParkId];
            var enterprise = park.Enterprises.FirstOrDefault(e => e.Id == row.Id);
            if (enterprise is null)
            {
                enterprise = new Enterprise { ParkId = park.Id, Id = row.Id, NameZh = row.NameZh, Industry = row.Industry };
                db.Enterprises.Add(enterprise);
            }
            row.ApplyTo(enterprise);
            enterpriseStates.Add(enterprise);
        }
        db.ChangeTracker.DetectChanges();
        var parkCounts = Count(db, parkStates);
        var enterpriseCounts = Count(db, enterpriseStates);
        if (!dryRun)
        {
            db.Actor = actor;
            await db.SaveChangesAsync(cancellationToken);
        }
        return new SheetImportReport(district.Id, dryRun, !dryRun, [], parsed.IgnoredColumns, parkCounts, enterpriseCounts);
    }

    private static bool Same(string written, string name) => string.Equals(written.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static ImportCounts Count<T>(ParkDbContext db, IEnumerable<T> rows)
        where T : class
    {
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            switch (db.Entry(row).State)
            {
                case EntityState.Added:
                    created++;
                    break;
                case EntityState.Modified:
                    updated++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }
        return new ImportCounts(created, updated, unchanged);
    }
}
