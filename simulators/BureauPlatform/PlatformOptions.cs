namespace SmartPark.BureauPlatform;

/// <summary>Section <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>TCP port the uplinks connect to (0: any free port, see the log and /api/points).</summary>
    public int Port { get; set; } = SmartPark.Platform.Hosting.DefaultPorts.BureauPlatformHj212;

    /// <summary>Where <c>received.jsonl</c> (every frame received, one JSON object a line) is kept and re-read at start.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "bureau-platform");

    /// <summary>Optional registry: its monitoring points' MN, PW and ST are then checked on every frame.</summary>
    public string? RegistryPath { get; set; }

    /// <summary>How often the console summary is printed (0: never).</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Limits per pollutant code (<c>Platform:Limits:a21002:Limit=200</c>, <c>…:Data=hourly|daily</c>): a
    /// period of that data whose <c>-ZsAvg</c> (else <c>-Avg</c>) is above it, flagged N, is an exceedance.
    /// Defaults: a new gas-fired boiler's hourly limits at reference oxygen, GB 13271-2014 Table 2
    /// (particulate 20, SO₂ 50, NOx 200 mg/m³; ⚠️ verify: Table 2 was not read in a source, as Ingest's
    /// default rules nox-1h/so2-1h/particulate-1h say too); wastewater daily means, GB 8978-1996 Table 4
    /// grade 1, other dischargers (COD 100, ammonia nitrogen 15, phosphate as P 0.5 mg/L; ⚠️ verify COD:
    /// the same figures as Ingest's cod-2h, ammonia-nitrogen-2h and total-phosphorus-2h cite). A bureau
    /// judges by the enterprise's permit; these are the simulator's defaults.
    /// </summary>
    public Dictionary<string, PlatformLimit> Limits { get; set; } = new(StringComparer.Ordinal)
    {
        ["a34013"] = new() { Limit = 20 },
        ["a21026"] = new() { Limit = 50 },
        ["a21002"] = new() { Limit = 200 },
        ["w01018"] = new() { Limit = 100, Data = PlatformLimit.Daily },
        ["w21003"] = new() { Limit = 15, Data = PlatformLimit.Daily },
        ["w21011"] = new() { Limit = 0.5, Data = PlatformLimit.Daily },
    };

    /// <summary>How far a pollutant's -Cou may be from its -Avg × the flow's -Cou, relative (the mean of
    /// concentration × flow is not the product of the means, and values are rounded).</summary>
    public double CouTolerance { get; set; } = 0.1;

    /// <summary>A production meter's real-time power at most this long before a facility's run state 0 counts as production running then.</summary>
    public TimeSpan ProductionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>kW above which production counts as running, for a production meter whose sensor gives no idleLoad.</summary>
    public double ProductionIdleLoad { get; set; } = 0.5;

    /// <summary>Wall-clock offset of the times on the wire (Beijing time), for the time the platform sets with 1012.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>A limit of the platform on one pollutant code.</summary>
public sealed class PlatformLimit
{
    public const string Hourly = "hourly";
    public const string Daily = "daily";

    public double Limit { get; set; }

    /// <summary>Which data it judges: <c>hourly</c> (2061, the default) or <c>daily</c> (2031).</summary>
    public string Data { get; set; } = Hourly;
}
