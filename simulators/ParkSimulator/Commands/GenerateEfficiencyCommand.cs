using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData;
using SmartPark.Simulator.Generation.Efficiency;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate generate efficiency</c>: a district's designed efficiency year into the park database, and optionally its meters' readings to the broker.</summary>
public static class GenerateEfficiencyCommand
{
    public const string Usage = """
        usage: simulate generate efficiency --district ID --database CONNECTION [options]
          --district ID        a district already in the park database (simulate generate district)
          --database CS        the park database: "Data Source=…/parks.db" (SQLite) or an Npgsql string
          --provider P         sqlite (default) or postgres
          --year YYYY          the evaluation year, a past one (default: last year)
          --seed N             same seed, same year (default 1)
          --interval D         between two counter readings, dividing the year (default 1h)
          --outcome FILE       also write the expected outcome (grades, breaches, each counter's use) as JSON
          --broker-port P      also publish the year's readings as the meter devices to this broker
          --broker-host H      (default 127.0.0.1)
        Needs SMARTPARK_DEVICE_SECRET (the meters' passwords derive from it). Writes each enterprise's
        economics, some supervision agreements, one meter device per enterprise (and a meter
        replacement), audited as 'simulate'; a re-run adds nothing. Publishing needs an Ingest that
        accepts readings a year old: --Ingest:MaxReadingAge=800.00:00:00.
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
            ["--year"] = "year",
            ["--seed"] = "seed",
            ["--interval"] = "interval",
            ["--outcome"] = "outcome",
            ["--broker-port"] = "brokerPort",
            ["--broker-host"] = "brokerHost",
        });
        try
        {
            if (Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is not { Length: > 0 } secret)
                throw new ArgumentException($"set {DevicePasswords.SecretVariable}: the meter devices' passwords derive from it");
            var options = new EfficiencyYearOptions
            {
                DistrictId = line.Text("district")?.Trim().ToLowerInvariant() ?? throw new ArgumentException("--district ID is required"),
                Year = line.Int("year", DateTime.UtcNow.Year - 1, 2000, DateTime.UtcNow.Year - 1),
                Seed = line.Int("seed", 1),
                Interval = line.Duration("interval", TimeSpan.FromHours(1)),
            };
            var database = line.Text("database") ?? throw new ArgumentException("--database CONNECTION is required");
            var factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = database, Provider = line.Text("provider") ?? ParkDatabaseProvider.Sqlite });
            var (designs, written) = await GenerateAsync(factory, options, secret);
            var outcome = EfficiencyOutcome.Of(options, designs);
            Print(outcome, written);
            if (line.Text("outcome") is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(outcome, Json));
                Console.WriteLine($"wrote {path}");
            }
            if (line.Text("brokerPort") is not null)
            {
                using var stop = CommandLine.StopOnSignals(out var registration);
                using (registration)
                {
                    var target = new PublishTarget(line.Text("brokerHost") ?? "127.0.0.1", line.Int("brokerPort", 1883, 1, 65535), secret);
                    var published = await new EfficiencyYearPublisher(options, target, Console.WriteLine).PublishAsync(designs, stop.Token);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published {published.Readings} readings in {published.Batches} batches from {published.Devices} meters"));
                }
            }
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or DbUpdateException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            Console.Error.WriteLine($"simulate generate efficiency: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Reads the district's enterprises, designs the year and writes it; the design is what a publisher sends.</summary>
    public static async Task<(IReadOnlyList<EnterpriseDesign> Designs, EfficiencyWriteResult Written)> GenerateAsync(
        IDbContextFactory<ParkDbContext> factory, EfficiencyYearOptions options, string deviceSecret,
        int hashIterations = MosquittoPasswordHash.DefaultIterations, CancellationToken cancellationToken = default)
    {
        await ParkDatabase.MigrateAsync(factory, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enterprises = await EfficiencyYearWriter.EnterprisesAsync(db, options.DistrictId, cancellationToken);
        if (enterprises.Count == 0)
            throw new ArgumentException($"--district: no enterprises of '{options.DistrictId}' in the park database (run simulate generate district first)");
        // Parks whose devices a registry file keeps (any device not one of the designed meters): see RegistryParks.
        var parkIds = enterprises.Select(e => e.ParkId).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => parkIds.Contains(d.ParkId)).Select(d => new { d.Id, d.ParkId, d.EnterpriseId }).ToListAsync(cancellationToken);
        var registryParks = devices.Where(d => d.Id != EfficiencyDesigner.DeviceId(d.ParkId, d.EnterpriseId)).Select(d => d.ParkId).ToHashSet(StringComparer.Ordinal);
        options = options with { RegistryParks = registryParks };
        var designs = EfficiencyDesigner.Design(options, enterprises);
        var written = await EfficiencyYearWriter.WriteAsync(db, options, designs, deviceSecret, hashIterations, cancellationToken);
        return (designs, written);
    }

    private static void Print(EfficiencyOutcome outcome, EfficiencyWriteResult written)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"efficiency year {outcome.Year} of {outcome.District}: {written.Economics} economics, {written.Agreements} agreements, {written.Devices} meter devices, {written.Replacements} meter replacements added; {written.AreasSet} land/floor areas set"));
        Console.WriteLine(string.Create(c, $"  {outcome.Enterprises.Count} enterprises, {outcome.Graded} graded: {string.Join(", ", outcome.GradeCounts.Select(g => $"{g.Key} {g.Value}"))}"));
        Console.WriteLine(string.Create(c, $"  low-efficiency land: {outcome.LowEfficiencyLand.Count} plots, {outcome.LowEfficiencyLand.Sum(l => l.LandAreaMu):0.#} mu; agreement breaches: {outcome.Breaches.Count}"));
        foreach (var counter in outcome.Counters.Where(x => x.Event != "none"))
            Console.WriteLine(string.Create(c, $"    {counter.Event}: {counter.Device}/{counter.Sensor} at {counter.EventAt:yyyy-MM-dd HH:mm}Z, year's use {counter.Use} kWh"));
    }
}
