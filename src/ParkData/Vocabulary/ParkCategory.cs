namespace SmartPark.ParkData.Vocabulary;

/// <summary>
/// What the renovation programme decided for a park (reference/parks.md). Stored as these words,
/// so the database, the YAML export, the sheets and the API all read the same.
/// </summary>
public static class ParkCategory
{
    /// <summary>淘汰关停: shut down and cleared.</summary>
    public const string Eliminate = "eliminate";

    /// <summary>合并搬迁: merged into another park or relocated.</summary>
    public const string Relocate = "relocate";

    /// <summary>功能转换: converted to another use.</summary>
    public const string Convert = "convert";

    /// <summary>改造提升: upgraded in place.</summary>
    public const string Upgrade = "upgrade";

    public static IReadOnlyList<string> All { get; } = [Eliminate, Relocate, Convert, Upgrade];
}
