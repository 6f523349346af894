using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// Writes each district's workbook when a quarter ends (CST), on the Dashboard's clock. At start it
/// catches up: every quarter from the one after the newest stored report (or, with none stored,
/// the quarter just ended) up to the quarter just ended. A report already stored is never written
/// again: it is the record as it stood at the quarter's end. Districts without parks get none.
/// </summary>
public sealed class QuarterlyReportWriter(
    IDbContextFactory<ParkDbContext> parks, QuarterlyReportBuilder builder, ReportStore store, TimeProvider clock, ILogger<QuarterlyReportWriter> logger)
    : BackgroundService
{
    /// <summary>Task.Delay takes at most ~49 days; a quarter is longer, so the wait is taken in steps.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>After a failure (InfluxDB or the database unreachable), try again this much later.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Quarterly reports are kept in {Directory}", store.Directory);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var wakeAt = ReportQuarter.Containing(now).End;
            try
            {
                await CatchUpAsync(ReportQuarter.Containing(now).Previous, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Quarterly reports could not be written; trying again in {Delay}", RetryDelay);
                wakeAt = now + RetryDelay;
            }
            while (clock.GetUtcNow() < wakeAt)
            {
                var wait = wakeAt - clock.GetUtcNow();
                await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
            }
        }
    }

    /// <summary>Writes every missing report up to <paramref name="lastEnded"/>; returns how many were written.</summary>
    public async Task<int> CatchUpAsync(ReportQuarter lastEnded, CancellationToken cancellationToken)
    {
        // From the newest stored quarter itself: a run cut short there has districts still to write.
        var first = store.Newest() ?? lastEnded;
        if (first > lastEnded)
            return 0;
        List<string> districts;
        await using (var db = await parks.CreateDbContextAsync(cancellationToken))
            districts = await db.Jurisdictions.Where(j => db.Parks.Any(p => p.DistrictId == j.Id)).Select(j => j.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var written = 0;
        for (var quarter = first; quarter <= lastEnded; quarter = quarter.Next)
        {
            foreach (var district in districts)
            {
                if (store.Find(district, quarter) is not null)
                    continue;
                var report = await builder.BuildAsync(district, quarter, cancellationToken);
                if (report is null)
                    continue;
                store.Save(district, quarter, QuarterlyReportWorkbook.ToBytes(report));
                written++;
                logger.LogInformation("Quarterly report {Quarter} of {District} written ({Parks} parks, {Behind} projects behind schedule)",
                    quarter, district, report.Summary.Parks, report.Summary.ProjectsBehind);
            }
        }
        logger.LogInformation("Quarterly reports {First} to {Last}: {Written} written for {Districts} districts", first, lastEnded, written, districts.Count);
        return written;
    }
}
