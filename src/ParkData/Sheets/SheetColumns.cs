using System.Text;

namespace SmartPark.ParkData.Sheets;

/// <summary>
/// One column of a park or enterprise sheet: its key, the header written on export in Chinese and
/// English, and the other ways clerks head it. Headers match after <see cref="Normalise"/>, so
/// full-width brackets, spaces, quotes and a leading <c>*</c> (the mark of a required column in
/// many templates) do not matter.
/// </summary>
public sealed record SheetColumn(string Key, string Zh, string En, bool Required = false, params string[] Aliases)
{
    public bool Matches(string normalisedHeader) =>
        Normalise(Zh) == normalisedHeader || Normalise(En) == normalisedHeader || Aliases.Any(a => Normalise(a) == normalisedHeader);

    public static string Normalise(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormKC))
        {
            // FormKC already turns （）into (); quotes and the required-mark carry no meaning.
            if (char.IsWhiteSpace(c) || c is '*' or '"' or '\'' or '“' or '”' or '‘' or '’' or '_')
                continue;
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

/// <summary>The park sheet's columns, in the order an export writes them.</summary>
public static class ParkColumns
{
    public static readonly SheetColumn Id = new("id", "园区编号", "id", true, "编号", "园区代码");
    public static readonly SheetColumn NameZh = new("nameZh", "园区名称", "nameZh", true, "名称", "园区名");
    public static readonly SheetColumn NameEn = new("nameEn", "英文名称", "nameEn", false, "园区英文名称", "englishName");
    public static readonly SheetColumn District = new("district", "所在区", "district", false, "区", "所属区", "区县", "所在区县");
    public static readonly SheetColumn Township = new("township", "镇街", "township", false, "镇(街)", "镇/街", "镇街道", "所在镇街", "镇/街道");
    public static readonly SheetColumn VillageCollective = new("villageCollective", "村集体", "villageCollective", false, "村集体经济组织", "所属村", "村");
    public static readonly SheetColumn Address = new("address", "地址", "address", false, "详细地址");
    public static readonly SheetColumn Longitude = new("longitude", "经度", "longitude", false, "lng", "lon");
    public static readonly SheetColumn Latitude = new("latitude", "纬度", "latitude", false, "lat");
    public static readonly SheetColumn AreaHectares = new("landAreaHectares", "占地面积(公顷)", "landAreaHectares", false, "面积(公顷)", "用地面积(公顷)", "areaHa");
    public static readonly SheetColumn AreaMu = new("landAreaMu", "占地面积(亩)", "landAreaMu", false, "面积(亩)", "用地面积(亩)", "areaMu");
    public static readonly SheetColumn LandOwnership = new("landOwnership", "土地权属", "landOwnership", false, "土地性质", "权属");
    public static readonly SheetColumn LandProcedures = new("landProcedures", "用地手续", "landProcedures", false, "用地手续情况");
    public static readonly SheetColumn InSanjiuMap = new("inSanjiuMap", "是否纳入三旧", "inSanjiuMap", false, "纳入三旧", "是否纳入三旧改造标图", "三旧");
    public static readonly SheetColumn IndustrialBlock = new("industrialBlock", "工业区块", "industrialBlock", false, "所在工业区块");
    public static readonly SheetColumn LeadingIndustry = new("leadingIndustry", "主导产业", "leadingIndustry", true, "主要产业");
    public static readonly SheetColumn Planning = new("planningStatus", "规划", "planningStatus", false, "规划手续", "规划情况");
    public static readonly SheetColumn Environmental = new("environmentalAssessmentStatus", "环评", "environmentalAssessmentStatus", false, "环评手续", "环评情况");
    public static readonly SheetColumn Category = new("category", "分类", "category", false, "改造类型", "分类处置", "处置方式");
    public static readonly SheetColumn Batch = new("batch", "批次", "batch", false, "第几批");
    public static readonly SheetColumn DecisionDate = new("decisionDate", "决定日期", "decisionDate", false, "决策日期", "公布日期");

    /// <summary>Export order. Area is exported in hectares (the stored unit; 亩 is accepted on import).</summary>
    public static IReadOnlyList<SheetColumn> All { get; } =
    [
        Id, NameZh, NameEn, District, Township, VillageCollective, Address, Longitude, Latitude, AreaHectares, AreaMu,
        LandOwnership, LandProcedures, InSanjiuMap, IndustrialBlock, LeadingIndustry, Planning, Environmental, Category, Batch, DecisionDate,
    ];

    public static IReadOnlyList<SheetColumn> Exported { get; } = [.. All.Where(c => c != AreaMu)];
}

/// <summary>The enterprise sheet's columns, in the order an export writes them.</summary>
public static class EnterpriseColumns
{
    public static readonly SheetColumn Park = new("parkId", "园区编号", "parkId", true, "所属园区编号", "park");
    public static readonly SheetColumn Id = new("id", "企业编号", "id", true, "enterpriseId");
    public static readonly SheetColumn NameZh = new("nameZh", "企业名称", "nameZh", true, "名称");
    public static readonly SheetColumn NameEn = new("nameEn", "英文名称", "nameEn", false, "企业英文名称", "englishName");
    public static readonly SheetColumn CreditCode = new("creditCode", "统一社会信用代码", "creditCode", false, "信用代码", "社会信用代码");
    public static readonly SheetColumn Industry = new("industry", "行业", "industry", true, "所属行业", "行业类别");
    public static readonly SheetColumn FloorArea = new("floorAreaM2", "建筑面积(平方米)", "floorAreaM2", false, "建筑面积", "建筑面积(m2)", "建筑面积(m²)", "建筑面积(㎡)");
    public static readonly SheetColumn LandArea = new("landAreaM2", "用地面积(平方米)", "landAreaM2", false, "用地面积", "用地面积(m2)", "用地面积(m²)", "用地面积(㎡)");
    public static readonly SheetColumn LandAreaMu = new("landAreaMu", "用地面积(亩)", "landAreaMu", false, "占地面积(亩)");
    public static readonly SheetColumn ContactName = new("contactName", "联系人", "contactName", false, "负责人");
    public static readonly SheetColumn ContactPhone = new("contactPhone", "电话", "contactPhone", false, "联系电话", "手机");
    public static readonly SheetColumn Status = new("status", "改造状态", "status", false, "状态", "生产状态");
    public static readonly SheetColumn PermitNumber = new("dischargePermitNumber", "排污许可证编号", "dischargePermitNumber", false, "排污许可证号", "排污许可证");
    public static readonly SheetColumn PermitExpiry = new("dischargePermitExpiry", "有效期至", "dischargePermitExpiry", false, "排污许可证有效期", "许可证有效期至", "有效期");

    public static IReadOnlyList<SheetColumn> All { get; } =
        [Park, Id, NameZh, NameEn, CreditCode, Industry, FloorArea, LandArea, LandAreaMu, ContactName, ContactPhone, Status, PermitNumber, PermitExpiry];

    public static IReadOnlyList<SheetColumn> Exported { get; } = [.. All.Where(c => c != LandAreaMu)];

    /// <summary>Headers (normalised) only an enterprise sheet has: how a sheet is told to be one.</summary>
    public static IReadOnlySet<string> Distinctive { get; } = new HashSet<string>(
        new[] { "企业编号", "企业名称", "统一社会信用代码", "信用代码", "parkId", "enterpriseId", "creditCode" }.Select(SheetColumn.Normalise));
}
