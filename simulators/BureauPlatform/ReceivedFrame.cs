namespace SmartPark.BureauPlatform;

/// <summary>One frame as received and judged: stored as one JSON line.</summary>
public sealed record ReceivedFrame
{
    public required DateTimeOffset At { get; init; }
    public required string Remote { get; init; }
    public required string Raw { get; init; }
    public required bool Valid { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public string? Mn { get; init; }
    public string? Cn { get; init; }
    public string? Qn { get; init; }
    public string? St { get; init; }
    public int? Flag { get; init; }
    public string? DataTime { get; init; }

    /// <summary>The CP's fields other than DataTime (<c>a24088-Avg</c> → <c>1.234</c>).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}
