using System.Globalization;
using System.Text.Json;
using SmartPark.Simulator.Generation;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate generate</c>: a park file and its registry from a few parameters.</summary>
public static class GenerateCommand
{
    public const string Usage = """
        usage: simulate generate --out DIR [options]
          --park ID            park id (default sim-park); device ids start with it
          --district NAME      district (default Baiyun)
          --enterprises N      how many enterprises (default 12)
          --mix LIST           industry weights, e.g. furniture_painting=3,printing=1,warehousing=1
                               (furniture_painting, printing, plastics_rubber, electronics_assembly,
                               metalwork, warehousing; default: all equally)
          --shut-down SHARE    share of enterprises shut down by the renovation (default 0.1)
          --mean-temp C        the season's mean outdoor temperature (default 24)
          --seed N             same options and seed, same park (default 1)
          --hash-iterations N  PBKDF2 iterations of the registry's password hashes (default 10000)
        Writes DIR/ID.json (for `simulate run --park` and scenarios) and DIR/ID.registry.yaml (for
        Ingest's --Registry:Path), with passwords derived from SMARTPARK_DEVICE_SECRET.
        """;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var line = new CommandLine(args, new Dictionary<string, string>
        {
            ["--out"] = "out",
            ["--park"] = "park",
            ["--district"] = "district",
            ["--enterprises"] = "enterprises",
            ["--mix"] = "mix",
            ["--shut-down"] = "shutDown",
            ["--mean-temp"] = "meanTemp",
            ["--seed"] = "seed",
            ["--hash-iterations"] = "hashIterations",
        });
        try
        {
            var secret = Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is { Length: > 0 } s
                ? s : throw new ArgumentException($"set {DevicePasswords.SecretVariable}: the registry's device passwords derive from it");
            var output = line.Text("out") ?? throw new ArgumentException("--out DIR is required");
            var options = new GeneratorOptions
            {
                ParkId = line.Text("park") ?? "sim-park",
                District = line.Text("district") ?? "Baiyun",
                Enterprises = line.Int("enterprises", 12, 1, 999),
                Mix = ParseMix(line.Text("mix")),
                ShutDownShare = line.Double("shutDown", 0.1, 0, 1),
                MeanTemperatureC = line.Double("meanTemp", 24, -30, 45),
                Seed = line.Int("seed", 1),
            };
            var problems = options.Problems().ToList();
            if (problems.Count > 0)
                throw new ArgumentException(string.Join("; ", problems));
            var park = ParkGenerator.Generate(options);
            var parkProblems = ParkFile.Check(park);
            if (parkProblems.Count > 0)
                throw new InvalidOperationException("generated an invalid park: " + string.Join("; ", parkProblems));
            Directory.CreateDirectory(output);
            var parkPath = Path.Combine(output, options.ParkId + ".json");
            var registryPath = Path.Combine(output, options.ParkId + ".registry.yaml");
            await File.WriteAllTextAsync(parkPath, JsonSerializer.Serialize(park, Json));
            await File.WriteAllTextAsync(registryPath, RegistryWriter.Write(park, secret, line.Int("hashIterations", Contracts.Registry.MosquittoPasswordHash.DefaultIterations, 1, 1_000_000)));
            var devices = park.Enterprises.Sum(e => e.Devices.Count);
            var sensors = park.Enterprises.SelectMany(e => e.Devices).Sum(d => d.Sensors.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{park.Park.Id}: {park.Enterprises.Count} enterprises ({park.Enterprises.Count(e => e.Status == "shut_down")} shut down), {devices} devices, {sensors} sensors"));
            foreach (var group in park.Enterprises.GroupBy(e => e.Industry).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine($"  {group.Key}: {group.Count()}");
            Console.WriteLine($"wrote {parkPath}");
            Console.WriteLine($"wrote {registryPath}");
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"simulate generate: {ex.Message}");
            return 2;
        }
    }

    /// <summary><c>furniture_painting=3,printing=1</c> → weights; a bare name weighs 1.</summary>
    public static IReadOnlyDictionary<string, double> ParseMix(string? text)
    {
        var mix = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
            return mix;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var weight = 1.0;
            if (pieces.Length == 2 && !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                throw new ArgumentException($"--mix: '{part}' is not industry=weight");
            mix[pieces[0]] = weight;
        }
        return mix;
    }
}
