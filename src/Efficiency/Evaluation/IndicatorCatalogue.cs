using System.Text.Json.Serialization;

namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// One efficiency indicator: its id (what schemes name), unit, titles, direction, how it is
/// computed (zh/en text for the page, and <see cref="Compute"/> itself) and what it needs.
/// <see cref="Compute"/> gives null when an input is missing or a denominator is zero: the
/// indicator then scores nothing rather than a made-up value.
/// </summary>
public sealed record IndicatorDefinition(
    string Id,
    string Unit,
    string TitleZh,
    string TitleEn,
    bool HigherIsBetter,
    string FormulaZh,
    string FormulaEn,
    bool NeedsEnergy,
    [property: JsonIgnore] Func<EnterpriseFacts, double?> Compute);

/// <summary>
/// The indicators a scheme may weigh (docs/reference/efficiency.md): money in 万元, land in mu,
/// energy in tce (electricity, gas and steam at the configured coefficients), electricity in kWh.
/// </summary>
public static class IndicatorCatalogue
{
    public const string TaxPerMu = "tax_per_mu";
    public const string OutputPerMu = "output_per_mu";
    public const string SalesPerMu = "sales_per_mu";
    public const string ValueAddedPerMu = "value_added_per_mu";
    public const string ValueAddedPerTce = "value_added_per_tce";
    public const string TaxPerKwh = "tax_per_kwh";
    public const string EnergyPerOutput = "energy_per_output";
    public const string KwhPerM2 = "kwh_per_m2";
    public const string LabourProductivity = "labour_productivity";
    public const string RdIntensity = "rd_intensity";
    public const string InvestmentIntensity = "investment_intensity";

    /// <summary>Yuan per 万元: tax per kWh is shown in 元/kWh while money is kept in 万元.</summary>
    private const double YuanPerWan = 10_000;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(TaxPerMu, "万元/亩", "亩均税收", "Tax per mu", true,
            "实缴税收 ÷ 用地面积（亩）", "tax paid ÷ land area (mu)", false,
            f => PerMu(f, f.Economics?.TaxPaid)),
        new(OutputPerMu, "万元/亩", "亩均产值", "Output per mu", true,
            "工业总产值 ÷ 用地面积（亩）", "output value ÷ land area (mu)", false,
            f => PerMu(f, f.Economics?.OutputValue)),
        new(SalesPerMu, "万元/亩", "亩均销售收入", "Sales per mu", true,
            "销售收入 ÷ 用地面积（亩）", "sales revenue ÷ land area (mu)", false,
            f => PerMu(f, f.Economics?.Revenue)),
        new(ValueAddedPerMu, "万元/亩", "亩均增加值", "Value added per mu", true,
            "工业增加值 ÷ 用地面积（亩）", "value added ÷ land area (mu)", false,
            f => PerMu(f, f.Economics?.ValueAdded)),
        new(ValueAddedPerTce, "万元/tce", "单位能耗增加值", "Value added per tce", true,
            "工业增加值 ÷ 综合能耗（吨标准煤）", "value added ÷ energy used (tonnes of standard coal)", true,
            f => f.Energy.IsMetered ? Divide(f.Economics?.ValueAdded, f.Energy.Tce) : null),
        new(TaxPerKwh, "元/kWh", "单位电耗税收", "Tax per kWh", true,
            "实缴税收（元）÷ 用电量（kWh）", "tax paid (yuan) ÷ electricity used (kWh)", true,
            f => f.Energy.IsMetered ? Divide(f.Economics?.TaxPaid * YuanPerWan, f.Energy.ElectricityKwh) : null),
        new(EnergyPerOutput, "tce/万元", "单位产值能耗", "Energy per output", false,
            "综合能耗（吨标准煤）÷ 工业总产值", "energy used (tce) ÷ output value", true,
            f => f.Energy.IsMetered ? Divide(f.Energy.Tce, f.Economics?.OutputValue) : null),
        new(KwhPerM2, "kWh/m²", "单位建筑面积电耗", "kWh per m² of floor", false,
            "用电量（kWh）÷ 建筑面积（m²）", "electricity used (kWh) ÷ floor area (m²)", true,
            f => f.Energy.IsMetered ? Divide(f.Energy.ElectricityKwh, f.FloorAreaM2) : null),
        new(LabourProductivity, "万元/人", "全员劳动生产率", "Labour productivity", true,
            "工业增加值 ÷ 年平均职工人数", "value added ÷ average number of employees", false,
            f => Divide(f.Economics?.ValueAdded, f.Economics?.Employees)),
        new(RdIntensity, "%", "研发经费投入强度", "R&D intensity", true,
            "研发经费 ÷ 主营业务收入 × 100", "R&D spending ÷ main business revenue × 100", false,
            f => Divide(f.Economics?.RdSpending * 100, f.Economics?.Revenue)),
        new(InvestmentIntensity, "万元/亩", "投资强度", "Investment intensity", true,
            "已完成固定资产投资 ÷ 用地面积（亩）", "investment made ÷ land area (mu)", false,
            f => PerMu(f, f.Agreement?.InvestmentMade)),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ById = All.ToDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>The indicator with this id, or null (ids are exact, lower case).</summary>
    public static IndicatorDefinition? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The indicator with this id; throws for an id not in the catalogue.</summary>
    public static IndicatorDefinition Get(string id) =>
        Find(id) ?? throw new ArgumentException($"unknown indicator '{id}'", nameof(id));

    /// <summary>Every indicator of the catalogue computed for one enterprise (null where it cannot be).</summary>
    public static IReadOnlyDictionary<string, double?> ComputeAll(EnterpriseFacts facts) =>
        All.ToDictionary(i => i.Id, i => i.Compute(facts), StringComparer.Ordinal);

    private static double? PerMu(EnterpriseFacts facts, double? amount) => Divide(amount, facts.LandAreaMu);

    private static double? Divide(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 && double.IsFinite(n) ? n / d : null;
}
