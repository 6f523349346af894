namespace SmartPark.Contracts.Alerts;

/// <summary>
/// The alert rules in force in one park, retained by Ingest on <c>smartpark/v1/{park}/rules</c>
/// (republished on every connect and whenever the park first sends telemetry). Dashboards draw
/// a chart's limit lines and show the standard each limit cites from it, before any alert has
/// been raised, without a copy of Ingest's configuration.
/// </summary>
public sealed record ParkRules
{
    public int Schema { get; init; } = 1;
    public required string Park { get; init; }
    /// <summary><c>guangdong</c> (DB44/2367 limits) or <c>national</c> (GB 37822).</summary>
    public required string Region { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>One entry per rule and scope: a park-wide version, and any version specific to an enterprise or device.</summary>
    public required IReadOnlyList<RuleLimit> Rules { get; init; }
    /// <summary>Every kind of rule this Ingest evaluates, with its titles and settings: what the
    /// Dashboard's kind filter lists (the kinds are the same in every park's document). A document
    /// from before kinds were published has none: empty, never null.</summary>
    public IReadOnlyList<RuleKindInfo> Kinds { get => _kinds ?? []; init => _kinds = value; }

    private readonly IReadOnlyList<RuleKindInfo>? _kinds;
}

/// <summary>One kind of alert rule, as people and forms see it.</summary>
public sealed record RuleKindInfo
{
    /// <summary>The name rules and alert documents carry in <c>kind</c>.</summary>
    public required string Name { get; init; }
    /// <summary>The kind's title by language: <c>zh-CN</c> and <c>en</c>.</summary>
    public required IReadOnlyDictionary<string, string> Titles { get; init; }
    /// <summary>Rules of this kind watch one quantity (series kinds); device and enterprise kinds do not.</summary>
    public bool NeedsQuantity { get; init; }
    /// <summary>The kind's own settings, written next to a rule's common fields.</summary>
    public IReadOnlyList<RuleSettingInfo> Settings { get => _settings ?? []; init => _settings = value; }

    private readonly IReadOnlyList<RuleSettingInfo>? _settings;
}

/// <summary>One setting of a rule kind.</summary>
public sealed record RuleSettingInfo
{
    public required string Name { get; init; }
    /// <summary><c>number</c>, <c>integer</c>, <c>duration</c> (e.g. <c>00:05:00</c>), <c>text</c>, <c>list</c> or <c>boolean</c>.</summary>
    public required string Type { get; init; }
    /// <summary>A rule of the kind is refused without it.</summary>
    public bool Required { get; init; }
    public string? Description { get; init; }
}

/// <summary>One rule as it applies in a park, at the scope it names (null: the whole park).</summary>
public sealed record RuleLimit
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required string Severity { get; init; }
    public bool Bureau { get; init; }
    public bool Safety { get; init; }
    public string? Enterprise { get; init; }
    public string? Device { get; init; }
    /// <summary>Sensor ids watched (a prefix ending in <c>*</c>, or exact ids, comma-separated); null: every sensor.</summary>
    public string? Sensors { get; init; }
    public string? ExceptSensors { get; init; }
    public string? Quantity { get; init; }
    public string? Unit { get; init; }
    public double? Limit { get; init; }
    public double? ClearAt { get; init; }
    /// <summary>Averaging period of the compared value (ISO 8601, e.g. PT1H); null for single readings.</summary>
    public string? Averaging { get; init; }
    /// <summary>The standard and clause the limit comes from.</summary>
    public string? Source { get; init; }
}
