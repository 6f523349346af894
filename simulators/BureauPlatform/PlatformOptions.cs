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

    /// <summary>Wall-clock offset of the times on the wire (Beijing time), for the time the platform sets with 1012.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
