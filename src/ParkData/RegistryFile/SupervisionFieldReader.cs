using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Validation;
using SmartPark.ParkData.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// Reads and checks the <see cref="RegistrySupervisionKeys">supervision keys</see> of each park
/// and enterprise while <see cref="RegistryReader"/> reads the rest, so every problem keeps its
/// line: the vocabularies (<see cref="ParkCategory"/>, <see cref="ProcedureStatus"/>,
/// <see cref="LandOwnership"/>, <see cref="StageKind"/>), the credit code's check character,
/// coordinates, one project per name and one stage per kind.
/// </summary>
public sealed class SupervisionFieldReader : IRegistryExtraFields
{
    private readonly Dictionary<RegistryPark, ParkSupervision> _parks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RegistryEnterprise, EnterpriseSupervision> _enterprises = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _creditCodes = new(StringComparer.Ordinal);

    /// <summary>What the file says of <paramref name="park"/> (an entry read by this reader).</summary>
    public ParkSupervision Of(RegistryPark park) => _parks[park];

    public EnterpriseSupervision Of(RegistryEnterprise enterprise) => _enterprises[enterprise];

    public void Park(RegistryPark park, YamlFields f, List<RegistryError> errors)
    {
        var what = $"park '{park.Id}'";
        var latitude = OptionalNumber(f, "latitude");
        var longitude = OptionalNumber(f, "longitude");
        if (latitude is < -90 or > 90)
            errors.Add(new(park.LineOf("latitude"), $"{what}: latitude must be between -90 and 90, not {latitude}"));
        if (longitude is < -180 or > 180)
            errors.Add(new(park.LineOf("longitude"), $"{what}: longitude must be between -180 and 180, not {longitude}"));
        int? batch = null;
        if (OptionalNumber(f, "batch") is { } number)
        {
            if (number >= 1 && number == Math.Floor(number) && number <= int.MaxValue)
                batch = (int)number;
            else
                errors.Add(new(park.LineOf("batch"), $"{what}: batch must be a whole number from 1, not {number}"));
        }
        var category = OneOf(f, "category", ParkCategory.All, null, what, errors);
        _parks[park] = new ParkSupervision
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Township = OptionalText(f, "township"),
            VillageCollective = OptionalText(f, "villageCollective"),
            Address = OptionalText(f, "address"),
            Latitude = latitude,
            Longitude = longitude,
            LandOwnership = OneOf(f, "landOwnership", LandOwnership.All, LandOwnership.Collective, what, errors)!,
            LandProcedures = OneOf(f, "landProcedures", ProcedureStatus.All, ProcedureStatus.Missing, what, errors)!,
            InSanjiuMap = f.Bool("inSanjiuMap", false),
            IndustrialBlock = OptionalText(f, "industrialBlock"),
            PlanningStatus = OneOf(f, "planningStatus", ProcedureStatus.All, ProcedureStatus.Missing, what, errors)!,
            EnvironmentalAssessmentStatus = OneOf(f, "environmentalAssessmentStatus", ProcedureStatus.All, ProcedureStatus.Missing, what, errors)!,
            Category = category,
            Batch = batch,
            DecisionDate = f.Date("decisionDate"),
            Projects = ReadProjects(f.List("projects"), what, errors),
        };
    }

    public void Enterprise(RegistryEnterprise enterprise, YamlFields f, List<RegistryError> errors)
    {
        var what = $"enterprise '{enterprise.Id}'";
        var code = OptionalText(f, "creditCode");
        if (code is not null)
        {
            if (UnifiedSocialCreditCode.Check(code) is { } problem)
                errors.Add(new(f.Lines["creditCode"], $"{what}: creditCode '{code}': {UnifiedSocialCreditCode.Describe(problem)}"));
            else if (_creditCodes.TryGetValue(code, out var first))
                errors.Add(new(f.Lines["creditCode"], $"{what}: creditCode '{code}' is already given on line {first} (a credit code names one enterprise)"));
            else
                _creditCodes[code] = f.Lines["creditCode"];
        }
        var landArea = OptionalNumber(f, "landArea") ?? 0;
        if (landArea < 0)
            errors.Add(new(f.Lines["landArea"], $"{what}: landArea must not be negative, not {landArea}"));
        _enterprises[enterprise] = new EnterpriseSupervision
        {
            Line = f.Line,
            FieldLines = f.Lines,
            CreditCode = code,
            LandArea = landArea,
            ContactName = OptionalText(f, "contactName"),
            ContactPhone = OptionalText(f, "contactPhone"),
        };
    }

    private static List<ProjectFields> ReadProjects(IReadOnlyList<YamlNode> nodes, string park, List<RegistryError> errors)
    {
        var projects = new List<ProjectFields>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var f = YamlFields.Of(node, "project", errors, "name", "nameEn", "kind", "areaHectares", "plannedInvestment", "actualInvestment", "stages");
            if (f is null)
                continue;
            var name = f.String("name");
            var what = $"{park} project '{name}'";
            if (name.Length > 0 && !names.TryAdd(name, f.Line))
                errors.Add(new(f.Line, $"{what} is listed twice (first on line {names[name]}; the import matches projects by name)"));
            var kind = f.String("kind");
            if (kind.Length > 0 && !ParkCategory.All.Contains(kind))
                errors.Add(new(f.Lines["kind"], $"{what}: kind '{kind}' is not one of {string.Join(", ", ParkCategory.All)}"));
            var area = OptionalNumber(f, "areaHectares") ?? 0;
            if (area < 0)
                errors.Add(new(f.Lines["areaHectares"], $"{what}: areaHectares must not be negative, not {area}"));
            projects.Add(new ProjectFields
            {
                Line = f.Line,
                FieldLines = f.Lines,
                Name = name,
                NameEn = OptionalText(f, "nameEn"),
                Kind = kind,
                AreaHectares = area,
                PlannedInvestment = NotNegative(f, "plannedInvestment", what, errors),
                ActualInvestment = NotNegative(f, "actualInvestment", what, errors),
                Stages = ReadStages(f.List("stages"), kind, what, errors),
            });
        }
        return projects;
    }

    private static List<StageFields> ReadStages(IReadOnlyList<YamlNode> nodes, string projectKind, string project, List<RegistryError> errors)
    {
        var stages = new List<StageFields>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        // An unknown project kind was reported above; its stages are then not checked against it.
        var allowed = ParkCategory.All.Contains(projectKind) ? StageKind.For(projectKind) : StageKind.All;
        foreach (var node in nodes)
        {
            var f = YamlFields.Of(node, "stage", errors, "kind", "planned", "actual", "note");
            if (f is null)
                continue;
            var kind = f.String("kind");
            if (kind.Length > 0 && !allowed.Contains(kind))
                errors.Add(new(f.Lines["kind"], $"{project}: stage '{kind}' is not a stage of a project of kind '{projectKind}' ({string.Join(", ", allowed)})"));
            else if (kind.Length > 0 && !kinds.TryAdd(kind, f.Line))
                errors.Add(new(f.Line, $"{project}: stage '{kind}' is listed twice (first on line {kinds[kind]})"));
            stages.Add(new StageFields
            {
                Line = f.Line,
                FieldLines = f.Lines,
                Kind = kind,
                Planned = f.Date("planned"),
                Actual = f.Date("actual"),
                Note = OptionalText(f, "note"),
            });
        }
        return stages;
    }

    private static string? OptionalText(YamlFields f, string key) => f.Has(key) ? f.String(key) : null;

    private static double? OptionalNumber(YamlFields f, string key) =>
        f.Has(key) && f.Number(key) is var value && double.IsFinite(value) ? value : null;

    private static double? NotNegative(YamlFields f, string key, string what, List<RegistryError> errors)
    {
        var value = OptionalNumber(f, key);
        if (value < 0)
            errors.Add(new(f.Lines[key], $"{what}: {key} must not be negative, not {value}"));
        return value;
    }

    /// <summary>The key's value when it is one of <paramref name="allowed"/>; <paramref name="fallback"/> when absent.</summary>
    private static string? OneOf(YamlFields f, string key, IReadOnlyList<string> allowed, string? fallback, string what, List<RegistryError> errors)
    {
        if (!f.Has(key))
            return fallback;
        var value = f.String(key);
        if (value.Length > 0 && !allowed.Contains(value))
            errors.Add(new(f.Lines[key], $"{what}: {key} '{value}' is not one of {string.Join(", ", allowed)}"));
        return value;
    }
}
