using SmartPark.ParkData.Sheets;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// The economic figures sheet's columns: the enterprise is named by its unified social credit
/// code, or by park id and enterprise id (either is enough; both must agree). Headers are matched
/// in Chinese, in English (the field names) or by the other ways the tax and statistics sheets
/// head them, after <see cref="SheetColumn.Normalise"/>. The name and land area are written in the
/// template for the clerk's eye and not read back: the land is the park database's.
/// </summary>
public static class EconomicsSheetColumns
{
    public static readonly SheetColumn CreditCode = new("creditCode", "统一社会信用代码", "creditCode", false, "信用代码", "社会信用代码", "USCC", "unifiedSocialCreditCode");
    public static readonly SheetColumn Park = new("park", "园区编号", "park", false, "parkId", "园区代码");
    public static readonly SheetColumn Enterprise = new("enterprise", "企业编号", "enterprise", false, "enterpriseId", "企业代码");
    public static readonly SheetColumn Name = new("name", "企业名称", "name", false, "名称", "enterpriseName", "nameZh");
    public static readonly SheetColumn LandAreaMu = new("landAreaMu", "用地面积(亩)", "landAreaMu", false, "占地面积(亩)", "用地(亩)");
    public static readonly SheetColumn OutputValue = new("outputValue", "工业总产值(万元)", "outputValue", false, "工业总产值", "总产值", "产值(万元)");
    public static readonly SheetColumn ValueAdded = new("valueAdded", "工业增加值(万元)", "valueAdded", false, "工业增加值", "增加值");
    public static readonly SheetColumn Revenue = new("revenue", "主营业务收入(万元)", "revenue", false, "主营业务收入", "营业收入(万元)", "营业收入", "销售收入(万元)");
    public static readonly SheetColumn TaxPaid = new("taxPaid", "实缴税金(万元)", "taxPaid", false, "实缴税金", "实缴税收(万元)", "税收(万元)", "税收实际贡献(万元)", "tax");
    public static readonly SheetColumn Employees = new("employees", "年平均职工人数", "employees", false, "职工人数", "平均职工人数", "从业人员", "从业人员数");
    public static readonly SheetColumn RdSpending = new("rdSpending", "研发经费支出(万元)", "rdSpending", false, "研发经费支出", "研发经费(万元)", "R&D经费支出(万元)", "研发投入(万元)");
    public static readonly SheetColumn Standing = new("standing", "评价类别", "standing", false, "参评类别", "参评状态");

    /// <summary>The template's order.</summary>
    public static IReadOnlyList<SheetColumn> All { get; } =
        [CreditCode, Park, Enterprise, Name, LandAreaMu, OutputValue, ValueAdded, Revenue, TaxPaid, Employees, RdSpending, Standing];

    /// <summary>The figures in 万元, read as non-negative numbers.</summary>
    public static IReadOnlyList<SheetColumn> Money { get; } = [OutputValue, ValueAdded, Revenue, TaxPaid, RdSpending];

    /// <summary>The standing's words: 参评 (graded), 新建 (new), 豁免 (exempt), and the codes.</summary>
    public static string? StandingOf(string text) => SheetColumn.Normalise(text) switch
    {
        "参评" or "正常参评" or "graded" => EvaluationStanding.Graded,
        "新建" or "新投产" or "新建企业" or "new" => EvaluationStanding.New,
        "豁免" or "不参评" or "exempt" => EvaluationStanding.Exempt,
        _ => null,
    };

    public static string StandingWord(string standing) => standing switch
    {
        EvaluationStanding.New => "新建",
        EvaluationStanding.Exempt => "豁免",
        _ => "参评",
    };
}
