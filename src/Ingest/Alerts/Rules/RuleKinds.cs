using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// The one list of the kinds of rule the engine evaluates. A new kind is a type in
/// <c>Rules/Kinds/</c> and a line here: the engine, validation, saved state, the park's published
/// rule set and the Dashboard's kind filter all follow this list (docs/architecture.md "Alerts").
/// </summary>
public static class RuleKinds
{
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        new ThresholdKind(),
        new WindowKind(),
        new RateKind(),
        new RiseKind(),
        new DetectorKind(),
        new AbsenceKind(),
        new FlatlineKind(),
        new RegistryKind(),
        new CombinationKind(),
        new PermitExpiryKind(),
        new TreatmentOffKind(),
        new TreatmentIdleProductionKind(),
        new RatedKind(),
    ];

    private static readonly Dictionary<string, RuleKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => All.Select(k => k.Name);

    /// <summary>Blank settings of the named kind, or null if there is no such kind.</summary>
    public static RuleKind? Create(string name) => ByName.GetValueOrDefault(name)?.NewSettings();

    /// <summary>The kinds with their titles and settings, as the park's rule set publishes them.</summary>
    public static IReadOnlyList<RuleKindInfo> Described { get; } = [.. All.Select(Describe)];

    private static RuleKindInfo Describe(RuleKind kind)
    {
        var required = kind.NewSettings().Missing().ToHashSet(StringComparer.Ordinal);
        return new RuleKindInfo
        {
            Name = kind.Name,
            Titles = new Dictionary<string, string> { ["zh-CN"] = kind.Titles.Zh, ["en"] = kind.Titles.En },
            NeedsQuantity = kind.NeedsQuantity,
            Settings = [.. kind.SettingProperties().Select(p => new RuleSettingInfo
            {
                Name = p.Name,
                Type = TypeName(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType),
                Required = required.Contains(p.Name),
                Description = RuleKind.DescriptionOf(p),
            })],
        };
    }

    private static string TypeName(Type type) =>
        type == typeof(double) ? "number"
        : type == typeof(int) ? "integer"
        : type == typeof(TimeSpan) ? "duration"
        : type == typeof(bool) ? "boolean"
        : type == typeof(string[]) ? "list"
        : "text";
}
