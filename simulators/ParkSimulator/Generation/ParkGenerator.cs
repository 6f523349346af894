using System.Globalization;
using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.Simulator.Generation;

/// <summary>Parameters of a generated park.</summary>
public sealed record GeneratorOptions
{
    public string ParkId { get; init; } = "sim-park";
    public string District { get; init; } = "Baiyun";
    public int Enterprises { get; init; } = 12;
    /// <summary>Industry → weight; industries drawn in proportion. Empty: every industry equally.</summary>
    public IReadOnlyDictionary<string, double> Mix { get; init; } = new Dictionary<string, double>();
    /// <summary>Share of enterprises the renovation shut down (关停淘汰).</summary>
    public double ShutDownShare { get; init; } = 0.1;
    /// <summary>Mean outdoor temperature (°C) of the season: the weather background heat and air sensors ride on.</summary>
    public double MeanTemperatureC { get; init; } = 24;
    public int Seed { get; init; } = 1;

    public IEnumerable<string> Problems()
    {
        if (!SmartPark.Contracts.Topics.Ids.IsValid(ParkId) || ParkId.Length > 40)
            yield return $"--park '{ParkId}' must match {SmartPark.Contracts.Topics.Ids.Pattern} and be at most 40 characters (device ids start with it)";
        if (Enterprises is < 1 or > 999)
            yield return "--enterprises must be 1 to 999";
        if (ShutDownShare is < 0 or > 1)
            yield return "--shut-down must be a share from 0 to 1";
        foreach (var (industry, weight) in Mix)
        {
            if (IndustryProfiles.Find(industry) is null)
                yield return $"--mix: unknown industry '{industry}' (known: {string.Join(", ", IndustryProfiles.All.Select(p => p.Industry))})";
            if (weight < 0 || double.IsNaN(weight))
                yield return $"--mix: weight of {industry} must be 0 or more";
        }
        if (Mix.Count > 0 && Mix.Values.Sum() <= 0)
            yield return "--mix: the weights add up to nothing";
    }
}

/// <summary>
/// Builds a park from a few parameters: enterprises drawn from the industry mix, each with the
/// sensors its industry needs, its shifts, and a renovation status (some shut down). The same
/// options and seed give the same park, sensor for sensor.
/// </summary>
public static class ParkGenerator
{
    public static ParkDefinition Generate(GeneratorOptions options)
    {
        var random = new SeededNoise(SeededNoise.SeedFor(options.Seed, "park", options.ParkId));
        var mix = options.Mix.Count > 0
            ? options.Mix.Where(m => m.Value > 0).Select(m => (Profile: IndustryProfiles.Find(m.Key)!, Weight: m.Value)).OrderBy(m => m.Profile.Industry, StringComparer.Ordinal).ToList()
            : IndustryProfiles.All.Select(p => (Profile: p, Weight: 1.0)).ToList();
        var shutDown = (int)Math.Round(options.Enterprises * options.ShutDownShare);
        var enterprises = new List<EnterpriseDefinition>();
        for (var i = 0; i < options.Enterprises; i++)
        {
            var profile = Pick(mix, random);
            var number = (i + 1).ToString("00", CultureInfo.InvariantCulture);
            var id = $"e{number}-{profile.Short}";
            // The shut-down ones are spread through the park rather than all at its end.
            var isShutDown = shutDown > 0 && i % Math.Max(1, options.Enterprises / shutDown) == 0 && enterprises.Count(e => e.Status == RenovationStatus.ShutDown) < shutDown;
            var status = isShutDown ? RenovationStatus.ShutDown : random.Chance(0.5) ? RenovationStatus.Upgraded : RenovationStatus.Operating;
            var shift = profile.Shifts[(int)(random.Uniform() * profile.Shifts.Count)];
            enterprises.Add(new EnterpriseDefinition
            {
                Id = id,
                Name = $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(profile.Industry.Replace('_', ' '))} works {number}",
                Industry = profile.Industry,
                Status = status,
                Shift = shift,
                Devices = [new DeviceDefinition { Id = $"{options.ParkId}-{id}-edge1", Sensors = [.. Sensors(profile, isShutDown, options, random), .. SupplyMeters(profile, id, options)] }],
            });
        }
        return new ParkDefinition
        {
            Park = new ParkInfo
            {
                Id = options.ParkId,
                Name = $"{options.District} generated park {options.ParkId}",
                District = options.District,
                AreaHectares = Math.Round(2 + (options.Enterprises * random.Uniform(0.8, 1.6)), 1),
                LeadingIndustry = enterprises.GroupBy(e => e.Industry).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key,
            },
            Enterprises = enterprises,
        };
    }

    private static IndustryProfile Pick(List<(IndustryProfile Profile, double Weight)> mix, SeededNoise random)
    {
        var draw = random.Uniform() * mix.Sum(m => m.Weight);
        foreach (var (profile, weight) in mix)
        {
            if (draw < weight)
                return profile;
            draw -= weight;
        }
        return mix[^1].Profile;
    }

    /// <summary>
    /// The works' water meter, and its gas and steam meters where its industry uses them. Drawn
    /// from a generator of their own so adding them left every other sensor of an existing park
    /// as it was. A minute apart is plenty for a register that only counts up.
    /// </summary>
    private static List<SensorOptions> SupplyMeters(IndustryProfile profile, string enterpriseId, GeneratorOptions options)
    {
        var random = new SeededNoise(SeededNoise.SeedFor(options.Seed, "supply", options.ParkId, enterpriseId));
        SensorOptions Meter(string id, string driver, (double Min, double Max) rated) => new()
        {
            Id = id,
            Driver = driver,
            IntervalMs = 60_000,
            Settings = new() { ["ratedPerHour"] = random.Uniform(rated.Min, rated.Max).ToString("0.##", CultureInfo.InvariantCulture) },
        };
        var meters = new List<SensorOptions> { Meter("water-1", "sim-water-meter", profile.WaterM3PerHour) };
        if (profile.GasM3PerHour is { } gas)
            meters.Add(Meter("gasmeter-1", "sim-gas-meter", gas));
        if (profile.SteamTPerHour is { } steam)
            meters.Add(Meter("steam-1", "sim-steam-meter", steam));
        return meters;
    }

    private static List<SensorOptions> Sensors(IndustryProfile profile, bool shutDown, GeneratorOptions options, SeededNoise random)
    {
        string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var meter = new Dictionary<string, string> { ["ratedKw"] = F(random.Uniform(profile.RatedKw.Min, profile.RatedKw.Max)) };
        if (shutDown)
            meter["standbyKw"] = F(random.Uniform(0.4, 1.2)); // lights and a guard room
        var sensors = new List<SensorOptions>
        {
            new() { Id = "meter-1", Driver = "sim-energy-meter", IntervalMs = 5000, Settings = meter },
            new()
            {
                Id = "voc-1", Driver = "sim-voc", IntervalMs = 5000,
                Settings = new() { ["processMg"] = F(random.Uniform(profile.ProcessVocMg.Min, profile.ProcessVocMg.Max)), ["peakChance"] = F(profile.VocPeakChance), ["backgroundMg"] = F(random.Uniform(0.3, 0.5)) },
            },
            new() { Id = "fire-1", Driver = "sim-fire-detector", IntervalMs = 2000 },
            new() { Id = "heat-1", Driver = "sim-heat", IntervalMs = 2000, Settings = new() { ["meanC"] = F(options.MeanTemperatureC + random.Uniform(-1, 1)) } },
        };
        if (profile.AirQuality)
            sensors.Add(new() { Id = "air-1", Driver = "sim-air-quality", IntervalMs = 10000 });
        if (profile.GasDetector)
            sensors.Add(new() { Id = "gas-1", Driver = "sim-gas", IntervalMs = 5000 });
        return sensors;
    }
}
