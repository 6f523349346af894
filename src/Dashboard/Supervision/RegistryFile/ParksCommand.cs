using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.RegistryFile;
using SmartPark.ParkData.Seeding;

namespace SmartPark.Dashboard.Supervision.RegistryFile;

/// <summary>
/// <c>SmartPark.Dashboard parks migrate | import FILE | export FILE</c>: the park database from the
/// command line, before any host starts (as <c>hash-password</c>). The database is the one the
/// Dashboard uses: <c>ParkDatabase:Provider</c> and <c>ParkDatabase:ConnectionString</c> from the
/// environment (<c>ParkDatabase__ConnectionString</c>) or the arguments (<c>--ParkDatabase:ConnectionString=…</c>).
/// Exit codes: 0 done, 1 the file was refused (every problem printed with its line), 2 wrong
/// arguments, 3 the database is not configured, not reachable or not migrated.
/// </summary>
public static class ParksCommand
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int DatabaseProblem = 3;

    private const string UsageText = """
        usage: parks migrate              create the park database or bring its schema up to date, and seed the districts
               parks import FILE          make the database say what the registry YAML FILE says for the parks it lists
               parks export FILE          write the whole database as registry YAML (FILE '-' writes to standard output)
        the database: ParkDatabase__Provider (sqlite|postgres) and ParkDatabase__ConnectionString in the environment,
        or --ParkDatabase:Provider=… --ParkDatabase:ConnectionString=… after the command
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (verb, file, settings) = args switch
        {
            ["migrate", .. var rest] => ("migrate", null, rest),
            ["import" or "export", var path, .. var rest] when !path.StartsWith("--", StringComparison.Ordinal) => (args[0], path, rest),
            _ => (null, null, args),
        };
        if (verb is null)
        {
            await error.WriteLineAsync(UsageText);
            return Usage;
        }
        var options = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(settings).Build()
            .GetSection(ParkDatabaseOptions.Section).Get<ParkDatabaseOptions>() ?? new ParkDatabaseOptions();
        if (!options.IsConfigured)
        {
            await error.WriteLineAsync("parks: no park database: set ParkDatabase__ConnectionString (for SQLite: Data Source=/path/parks.db)");
            return DatabaseProblem;
        }
        IDbContextFactory<ParkDbContext> factory;
        try
        {
            factory = ParkDatabase.Factory(options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"parks: {ex.Message}");
            return DatabaseProblem;
        }
        try
        {
            return verb switch
            {
                "migrate" => await MigrateAsync(factory, options, output, cancellationToken),
                "import" => await ImportAsync(factory, file!, output, error, cancellationToken),
                _ => await ExportAsync(factory, file!, output, error, cancellationToken),
            };
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"parks: the database ({options.Provider}) cannot be used: {ex.Message}");
            return DatabaseProblem;
        }
    }

    private static async Task<int> MigrateAsync(IDbContextFactory<ParkDbContext> factory, ParkDatabaseOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await ParkDatabase.MigrateAsync(factory, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var seeded = await JurisdictionSeed.EnsureAsync(db, cancellationToken);
        await output.WriteLineAsync($"parks: the {options.Provider} park database is up to date ({seeded} district(s) added)");
        return Done;
    }

    private static async Task<int> ImportAsync(IDbContextFactory<ParkDbContext> factory, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"parks import: there is no file {file}");
            return Usage;
        }
        if (await NotMigratedAsync(factory, error, cancellationToken))
            return DatabaseProblem;
        var clock = Stopwatch.StartNew();
        var result = await new RegistryImporter(factory).ImportFileAsync(file, new LineProgress(error, clock), cancellationToken);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"parks import: {file} was not imported (nothing changed); {result.Errors.Count} problem(s):");
            foreach (var problem in result.Errors)
                await error.WriteLineAsync(problem.Line > 0 ? $"  {file}:{problem.Line}: {problem.Message}" : $"  {problem.Message}");
            return Refused;
        }
        await output.WriteLineAsync(result.Created + result.Updated + result.Deleted == 0
            ? $"parks import: {file}: the database already says this; nothing changed"
            : $"parks import: {file}: {result.Created} row(s) created, {result.Updated} updated, {result.Deleted} deleted, audited as import:{Path.GetFileName(file)} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return Done;
    }

    private static async Task<int> ExportAsync(IDbContextFactory<ParkDbContext> factory, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await NotMigratedAsync(factory, error, cancellationToken))
            return DatabaseProblem;
        var exporter = new RegistryExporter(factory);
        if (file == "-")
        {
            await exporter.ExportAsync(output, cancellationToken);
            return Done;
        }
        var parks = await exporter.ExportFileAsync(file, cancellationToken);
        await error.WriteLineAsync($"parks export: {parks} park(s) written to {file}");
        return Done;
    }

    private static async Task<bool> NotMigratedAsync(IDbContextFactory<ParkDbContext> factory, TextWriter error, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return false;
        await error.WriteLineAsync($"parks: the park database lacks {pending.Count} migration(s): run 'parks migrate' first (./smartpark parks migrate)");
        return true;
    }

    /// <summary>Progress on standard error as it happens (not <see cref="Progress{T}"/>, which reports later on the thread pool).</summary>
    private sealed class LineProgress(TextWriter error, Stopwatch clock) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:0.0} s] {value}");
    }
}
