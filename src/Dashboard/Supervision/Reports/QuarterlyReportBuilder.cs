using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Efficiency.Reports;
using SmartPark.Dashboard.Supervision.Findings;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// Builds a district's report for a quarter from the park database and InfluxDB (alerts and
/// device status for the findings, the stored consumption for the energy). The caller has
/// already decided the district may be seen (<see cref="SupervisionAccess"/>); the parks are the
/// district's by the database, never a list from the request.
/// </summary>
public sealed class QuarterlyReportBuilder(IDbContextFactory<ParkDbContext> parks, MonitoringFindingsReader findings, ParkEnergyReader energy, EfficiencyEvaluationService efficiency, TimeProvider clock)
{
    /// <summary>The report, or null when there is no such district.</summary>
    public async Task<QuarterlyReport?> BuildAsync(string districtId, ReportQuarter quarter, CancellationToken cancellationToken)
    {
        await using var db = await parks.CreateDbContextAsync(cancellationToken);
        var district = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == districtId, cancellationToken);
        if (district is null)
            return null;
        var districtParks = await db.Parks.AsNoTracking()
            .Where(p => p.DistrictId == districtId)
            .Include(p => p.Enterprises)
            .Include(p => p.Projects).ThenInclude(p => p.Stages)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        // A quarter not over yet is reported as of today; monitoring up to now.
        var ended = now >= quarter.End;
        var asOf = ended ? quarter.LastDay : DateOnly.FromDateTime(now.ToOffset(ReportQuarter.ChinaStandardTime).DateTime);
        var until = ended ? quarter.End : now;
        var found = await findings.ReadAsync([.. districtParks.Select(p => p.Id)], quarter.Start, until, cancellationToken);
        // Energy of the whole quarter's months stored so far (a month not over holds what has been counted).
        var used = await energy.ReadAsync([.. districtParks.Select(p => p.Id)], quarter.Start, quarter.End, cancellationToken);
        // The efficiency evaluation of the last full year before the quarter's: the one the district has graded.
        var evaluated = await efficiency.EvaluateAsync(db, districtId, quarter.Year - 1, cancellationToken);
        // Hazard rectification: issued and closed in the quarter, overdue as of its last day.
        var rectification = await ReportRectificationReader.ReadAsync(db, districtParks, quarter, asOf, cancellationToken);
        return QuarterlyReportAssembler.Assemble(district, districtParks, found, quarter, asOf, now, used, ReportEfficiencySection.From(evaluated, districtParks), rectification);
    }
}
