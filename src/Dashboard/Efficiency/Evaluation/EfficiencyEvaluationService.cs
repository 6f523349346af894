using Microsoft.EntityFrameworkCore;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Efficiency.Evaluation;

/// <summary>A district's evaluation for a year and the scheme it was made under (the page shows the scheme's grades and tiers).</summary>
public sealed record EvaluatedYear(EfficiencyScheme Scheme, DistrictEvaluation Evaluation)
{
    /// <summary>Whether the year had any figures at all (economics or metered energy); a year without is an empty evaluation.</summary>
    public bool HasData => Evaluation.Enterprises.Count > 0;
}

/// <summary>
/// Evaluates a district for a year: every enterprise of its parks (<see cref="EnterpriseFactsReader"/>)
/// under the district's scheme for that year, through the pure <see cref="EfficiencyEvaluator"/>.
/// The one place the page, its API, the XLSX export and the quarterly report get an evaluation
/// from, so they cannot disagree. Grades are always relative to the whole district; a park's view
/// is this evaluation filtered to the park. Callers decide access first.
/// </summary>
public sealed class EfficiencyEvaluationService(EnterpriseFactsReader facts)
{
    /// <summary>The most years a trend spans (each year is a full evaluation).</summary>
    public const int MaxTrendYears = 10;

    public async Task<EvaluatedYear> EvaluateAsync(ParkDbContext db, string districtId, int year, CancellationToken cancellationToken)
    {
        var parks = await db.Parks.AsNoTracking().Where(p => p.DistrictId == districtId).Select(p => p.Id).ToListAsync(cancellationToken);
        var scheme = await ResolveSchemeAsync(db, districtId, year, cancellationToken);
        var enterprises = await facts.ReadAsync(db, parks, year, cancellationToken);
        // A year nobody reported for (no economics, no metered energy) is empty, not a list of "no data".
        if (!enterprises.Any(e => e.Economics is not null || e.Energy.IsMetered))
            enterprises = [];
        return new EvaluatedYear(scheme, EfficiencyEvaluator.Evaluate(districtId, year, scheme, enterprises));
    }

    /// <summary>The district's evaluation of each year of [<paramref name="from"/>, <paramref name="to"/>] (at most <see cref="MaxTrendYears"/>).</summary>
    public async Task<IReadOnlyList<EvaluatedYear>> EvaluateYearsAsync(ParkDbContext db, string districtId, int from, int to, CancellationToken cancellationToken)
    {
        if (to < from || to - from + 1 > MaxTrendYears)
            throw new ArgumentOutOfRangeException(nameof(to), $"a trend spans 1 to {MaxTrendYears} years");
        var years = new List<EvaluatedYear>();
        for (var year = from; year <= to; year++)
            years.Add(await EvaluateAsync(db, districtId, year, cancellationToken));
        return years;
    }

    /// <summary>
    /// The district's scheme in force for the year: its row with the latest first year not after
    /// it, else <see cref="EfficiencyScheme.Default"/>. A stored document that no longer parses is
    /// an error to fix, not a reason to grade under other rules silently.
    /// </summary>
    public static async Task<EfficiencyScheme> ResolveSchemeAsync(ParkDbContext db, string districtId, int year, CancellationToken cancellationToken)
    {
        var row = await db.EfficiencySchemes.AsNoTracking()
            .Where(s => s.JurisdictionId == districtId && s.FromYear <= year)
            .OrderByDescending(s => s.FromYear)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? EfficiencyScheme.Default : EfficiencyScheme.Parse(row.Document);
    }
}
