using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Simulator.Generation.District;

/// <summary>What writing a generated district did.</summary>
public sealed record DistrictWriteResult(int ParksAdded, int ParksCompleted, int ParksAlreadyThere);

/// <summary>
/// Writes a generated district into the park database in one save (one transaction, audited as
/// <see cref="Actor"/>). A park already there is left alone, so running the same seed again changes
/// nothing and a district edited since keeps its edits. The one exception is a live park (one
/// the registry put there, with its enterprises and devices): it gets the supervision facts it
/// lacks (place, category, project) and keeps everything it has.
/// </summary>
public static class DistrictWriter
{
    public const string Actor = "simulate";

    public static async Task<DistrictWriteResult> WriteAsync(ParkDbContext db, IReadOnlyList<Park> plan, IReadOnlyCollection<string> liveParks, CancellationToken cancellationToken = default)
    {
        db.Actor = Actor;
        var ids = plan.Select(p => p.Id).ToList();
        var existing = await db.Parks.Include(p => p.Projects).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var codes = plan.SelectMany(p => p.Enterprises).Select(e => e.CreditCode).OfType<string>().ToList();
        var takenCodes = (await db.Enterprises.Where(e => e.CreditCode != null && codes.Contains(e.CreditCode)).Select(e => e.CreditCode!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        int added = 0, completed = 0, there = 0;
        foreach (var park in plan)
        {
            if (!existing.TryGetValue(park.Id, out var row))
            {
                // A code another run already issued (another seed) is the one thing that could clash: skip that enterprise.
                park.Enterprises.RemoveAll(e => e.CreditCode is { } code && takenCodes.Contains(code));
                db.Parks.Add(park);
                added++;
            }
            else if (liveParks.Contains(park.Id) && Complete(row, park))
            {
                completed++;
            }
            else
            {
                there++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new DistrictWriteResult(added, completed, there);
    }

    /// <summary>Fills what a registry-made park lacks; true when anything was.</summary>
    private static bool Complete(Park row, Park generated)
    {
        var before = (row.Township, row.Category, row.Latitude, row.Projects.Count);
        row.NameEn ??= generated.NameEn;
        row.Township ??= generated.Township;
        row.VillageCollective ??= generated.VillageCollective;
        row.Address ??= generated.Address;
        row.Latitude ??= generated.Latitude;
        row.Longitude ??= generated.Longitude;
        row.IndustrialBlock ??= generated.IndustrialBlock;
        if (row.LandAreaHectares <= 0)
            row.LandAreaHectares = generated.LandAreaHectares;
        if (row.Category is null)
        {
            row.Category = generated.Category;
            row.Batch = generated.Batch;
            row.DecisionDate = generated.DecisionDate;
            row.LandOwnership = generated.LandOwnership;
            row.LandProcedures = generated.LandProcedures;
            row.PlanningStatus = generated.PlanningStatus;
            row.EnvironmentalAssessmentStatus = generated.EnvironmentalAssessmentStatus;
            row.InSanjiuMap = generated.InSanjiuMap;
        }
        if (row.Projects.Count == 0)
        {
            foreach (var project in generated.Projects)
                row.Projects.Add(project);
        }
        return before != (row.Township, row.Category, row.Latitude, row.Projects.Count);
    }

    /// <summary>The plan's parks as the database holds them now, with enterprises and projects, for <see cref="DistrictOutcome"/>.</summary>
    public static async Task<List<Park>> ReadAsync(ParkDbContext db, IEnumerable<string> parkIds, CancellationToken cancellationToken = default)
    {
        var ids = parkIds.ToList();
        return await db.Parks.AsNoTracking().AsSplitQuery()
            .Include(p => p.Enterprises).Include(p => p.Projects).ThenInclude(p => p.Stages)
            .Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }
}
