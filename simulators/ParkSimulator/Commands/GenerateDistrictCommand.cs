using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;
using SmartPark.Simulator.Generation.District;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate generate district</c>: a district's parks, enterprises and projects into the park database.</summary>
public static class GenerateDistrictCommand
{
    public const string Usage = """
        usage: simulate generate district --district ID --database CONNECTION [options]
          --district ID        a Guangzhou district: baiyun, huadu, panyu, … (the park database's jurisdiction id)
          --database CS        the park database: "Data Source=…/parks.db" (SQLite) or an Npgsql string
          --provider P         sqlite (default) or postgres
          --parks N            how many parks (default 40)
          --seed N             same seed, same district (default 1)
          --today YYYY-MM-DD   the day stages are judged overdue against (default: today, UTC)
          --live-park ID,…     parks devices report for (the demo's baiyun-shimen): generated with
                               these ids and no enterprises; if the registry put them there already,
                               they only get the place, category and project they lack
          --outcome FILE       also write the expected outcome as JSON
        Migrates the database, seeds the jurisdictions, adds the parks that are not there yet
        (audited as 'simulate'; a re-run changes nothing) and prints what a district view must show.
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var line = new CommandLine(args, new Dictionary<string, string>
        {
            ["--district"] = "district",
            ["--database"] = "database",
            ["--provider"] = "provider",
            ["--parks"] = "parks",
            ["--seed"] = "seed",
            ["--today"] = "today",
            ["--live-park"] = "livePark",
            ["--outcome"] = "outcome",
        });
        try
        {
            var districtId = line.Text("district")?.Trim().ToLowerInvariant() ?? throw new ArgumentException("--district ID is required");
            var database = line.Text("database") ?? throw new ArgumentException("--database CONNECTION is required");
            var today = line.Text("today") is { } day
                ? DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : throw new ArgumentException($"--today: '{day}' is not YYYY-MM-DD")
                : DateOnly.FromDateTime(DateTime.UtcNow);
            var live = (line.Text("livePark") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (live.FirstOrDefault(id => !Contracts.Topics.Ids.IsValid(id) || !id.StartsWith(districtId + "-", StringComparison.Ordinal)) is { } bad)
                throw new ArgumentException($"--live-park '{bad}' must be a park id of the district ({districtId}-…)");
            var options = new DistrictOptions
            {
                DistrictId = districtId,
                Parks = line.Int("parks", 40, 4, 500),
                Seed = line.Int("seed", 1),
                Today = today,
                LiveParks = live,
            };
            var factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = database, Provider = line.Text("provider") ?? ParkDatabaseProvider.Sqlite });
            var outcome = await GenerateAsync(factory, options);
            Print(outcome.Outcome, outcome.Written);
            if (line.Text("outcome") is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(outcome.Outcome, Json));
                Console.WriteLine($"wrote {path}");
            }
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or DbUpdateException)
        {
            Console.Error.WriteLine($"simulate generate district: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Migrates, seeds, writes the district and reads back what the database holds of it.</summary>
    public static async Task<(DistrictOutcome Outcome, DistrictWriteResult Written)> GenerateAsync(
        IDbContextFactory<ParkDbContext> factory, DistrictOptions options, CancellationToken cancellationToken = default)
    {
        await ParkDatabase.MigrateAsync(factory, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = DistrictWriter.Actor;
        await JurisdictionSeed.EnsureAsync(db, cancellationToken);
        var district = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == options.DistrictId, cancellationToken)
            ?? throw new ArgumentException($"--district: no jurisdiction '{options.DistrictId}' in the park database");
        var plan = DistrictGenerator.Generate(options, district);
        var written = await DistrictWriter.WriteAsync(db, plan, options.LiveParks, cancellationToken);
        await using var read = await factory.CreateDbContextAsync(cancellationToken);
        var parks = await DistrictWriter.ReadAsync(read, plan.Select(p => p.Id), cancellationToken);
        return (DistrictOutcome.Of(district, parks, options.Today), written);
    }

    private static void Print(DistrictOutcome outcome, DistrictWriteResult written)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"district {outcome.District}: {written.ParksAdded} parks added, {written.ParksCompleted} live parks completed, {written.ParksAlreadyThere} already there"));
        Console.WriteLine(string.Create(c, $"  parks {outcome.Parks}: {string.Join(", ", outcome.ParksByCategory.Select(p => $"{p.Key} {p.Value}"))}"));
        Console.WriteLine(string.Create(c, $"  batches: {string.Join(", ", outcome.ParksByBatch.Select(p => $"{p.Key}: {p.Value}"))}"));
        Console.WriteLine(string.Create(c, $"  enterprises {outcome.Enterprises}; projects {outcome.Projects}, {outcome.ProjectsComplete} complete, {outcome.OverdueProjects.Count} overdue on {outcome.Today:yyyy-MM-dd}"));
        foreach (var late in outcome.OverdueProjects)
            Console.WriteLine(string.Create(c, $"    overdue: {late.ParkId} {late.Stage} planned {late.Planned:yyyy-MM-dd} ({late.DaysOverdue} days)"));
        Console.WriteLine(string.Create(c, $"  renovated {outcome.RenovatedHectares:0.#} ha of {outcome.ClassifiedHectares:0.#} ha classified; target {outcome.TargetKm2:0.##} km² ({outcome.RenovatedShareOfTarget:P1} reached)"));
    }
}
