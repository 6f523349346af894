using MiniExcelLibs;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Dashboard.Efficiency.Export;

/// <summary>A park's names, for the workbook's rows.</summary>
public sealed record ExportPark(string Id, string NameZh, string? NameEn);

/// <summary>
/// A district's efficiency evaluation for a year as an XLSX workbook (MiniExcel), for the
/// district's clerks: the ranking of every enterprise (graded or not, with why not), the grade
/// distribution, the low-efficiency land, the agreement breaches and the scheme the grades were
/// made under. Each table is headed by a row in Chinese and the same headings in English beneath
/// it, as the quarterly report's workbook is; names in a Chinese and an English column.
/// </summary>
public static class EfficiencyWorkbook
{
    public const string RankingSheet = "排名 Ranking";
    public const string GradesSheet = "等级分布 Grades";
    public const string LowEfficiencySheet = "低效用地 Low-efficiency land";
    public const string BreachesSheet = "协议未达标 Agreement breaches";
    public const string SchemeSheet = "评价方案 Scheme";

    public static IReadOnlyList<string> SheetNames { get; } = [RankingSheet, GradesSheet, LowEfficiencySheet, BreachesSheet, SchemeSheet];

    /// <summary>Rows above the data in every table: the Chinese and the English headings.</summary>
    public const int HeaderRows = 2;

    public static byte[] ToBytes(EvaluatedYear evaluated, IReadOnlyDictionary<string, ExportPark> parks)
    {
        var sheets = new Dictionary<string, object>
        {
            [RankingSheet] = Rows(Ranking(evaluated, parks)),
            [GradesSheet] = Rows(Grades(evaluated)),
            [LowEfficiencySheet] = Rows(LowEfficiency(evaluated, parks)),
            [BreachesSheet] = Rows(Breaches(evaluated, parks)),
            [SchemeSheet] = Rows(Scheme(evaluated.Scheme)),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Graded enterprises by ranking group and rank, then those not graded, each group by park and id.</summary>
    private static IEnumerable<object?[]> Ranking(EvaluatedYear evaluated, IReadOnlyDictionary<string, ExportPark> parks)
    {
        var indicators = IndicatorCatalogue.All;
        yield return ["园区编号", "园区", "企业编号", "企业名称", "英文名称", "行业", "用地（亩）",
            .. indicators.Select(i => $"{i.TitleZh}（{i.Unit}）"), "得分", "排名", "参评数", "等级", "未评级原因", "分配档次"];
        yield return ["Park ID", "Park", "Enterprise ID", "Name (Chinese)", "Name (English)", "Industry", "Land (mu)",
            .. indicators.Select(i => $"{i.TitleEn} ({i.Unit})"), "Score", "Rank", "Ranked among", "Grade", "Not graded because", "Allocation tier"];
        var ordered = evaluated.Evaluation.Enterprises
            .OrderBy(e => e.Rank is null)
            .ThenBy(e => e.RankingGroup, StringComparer.Ordinal)
            .ThenBy(e => e.Rank)
            .ThenBy(e => e.Facts.ParkId, StringComparer.Ordinal)
            .ThenBy(e => e.Facts.EnterpriseId, StringComparer.Ordinal);
        foreach (var e in ordered)
        {
            var f = e.Facts;
            yield return [f.ParkId, ParkName(parks, f.ParkId), f.EnterpriseId, f.NameZh, f.NameEn, f.Industry, Round(f.LandAreaMu, 2),
                .. indicators.Select(i => (object?)Round(e.Indicators.GetValueOrDefault(i.Id), 4)),
                Round(e.Score, 2), e.Rank, e.RankedIn, e.Grade, NotGraded(e.NotGradedReason), Tier(evaluated.Scheme, e.AllocationTier)];
        }
    }

    private static IEnumerable<object?[]> Grades(EvaluatedYear evaluated)
    {
        var counts = evaluated.Evaluation.GradeCounts;
        var graded = counts.Values.Sum();
        yield return ["等级", "企业数", "占比（%）", "低效", "分配档次"];
        yield return ["Grade", "Enterprises", "Share (%)", "Low efficiency", "Allocation tier"];
        foreach (var grade in evaluated.Scheme.Grading.Grades.Select(g => g.Grade))
        {
            var n = counts.GetValueOrDefault(grade);
            yield return [grade, n, graded > 0 ? Math.Round(100.0 * n / graded, 2) : null,
                evaluated.Scheme.LowEfficiencyGrades.Contains(grade, StringComparer.Ordinal) ? "是 Yes" : "否 No", Tier(evaluated.Scheme, evaluated.Scheme.TierOfGrade(grade)?.Id)];
        }
        yield return ["合计 Graded", graded, null, null, null];
        yield return ["未评级 Not graded", evaluated.Evaluation.Enterprises.Count - graded, null, null, Tier(evaluated.Scheme, evaluated.Scheme.NotGradedTier)];
    }

    private static IEnumerable<object?[]> LowEfficiency(EvaluatedYear evaluated, IReadOnlyDictionary<string, ExportPark> parks)
    {
        var byKey = evaluated.Evaluation.Enterprises.ToDictionary(e => (e.Facts.ParkId, e.Facts.EnterpriseId));
        yield return ["园区编号", "园区", "企业编号", "企业名称", "英文名称", "等级", "得分", "用地（亩）"];
        yield return ["Park ID", "Park", "Enterprise ID", "Name (Chinese)", "Name (English)", "Grade", "Score", "Land (mu)"];
        foreach (var l in evaluated.Evaluation.LowEfficiencyLand)
        {
            var facts = byKey.GetValueOrDefault((l.ParkId, l.EnterpriseId))?.Facts;
            yield return [l.ParkId, ParkName(parks, l.ParkId), l.EnterpriseId, facts?.NameZh, facts?.NameEn, l.Grade, Round(l.Score, 2), Round(l.LandAreaMu, 2)];
        }
        yield return ["合计 Total", null, null, null, null, null, null, Round(evaluated.Evaluation.LowEfficiencyLand.Sum(l => l.LandAreaMu), 2)];
    }

    private static IEnumerable<object?[]> Breaches(EvaluatedYear evaluated, IReadOnlyDictionary<string, ExportPark> parks)
    {
        var byKey = evaluated.Evaluation.Enterprises.ToDictionary(e => (e.Facts.ParkId, e.Facts.EnterpriseId));
        yield return ["园区编号", "园区", "企业编号", "企业名称", "英文名称", "协议指标", "承诺值", "实际值", "单位"];
        yield return ["Park ID", "Park", "Enterprise ID", "Name (Chinese)", "Name (English)", "Target", "Promised", "Achieved", "Unit"];
        foreach (var b in evaluated.Evaluation.Breaches)
        {
            var facts = byKey.GetValueOrDefault((b.ParkId, b.EnterpriseId))?.Facts;
            var indicator = IndicatorCatalogue.Find(b.Target);
            yield return [b.ParkId, ParkName(parks, b.ParkId), b.EnterpriseId, facts?.NameZh, facts?.NameEn,
                indicator is null ? b.Target : $"{indicator.TitleZh} {indicator.TitleEn}", b.Promised, Round(b.Achieved, 4), indicator?.Unit];
        }
    }

    private static IEnumerable<object?[]> Scheme(EfficiencyScheme scheme)
    {
        yield return ["项目", "取值"];
        yield return ["Item", "Value"];
        yield return ["评分方法 Scoring method", scheme.ScoringMethod];
        yield return ["基准封顶倍数 Benchmark cap", scheme.BenchmarkCap];
        yield return ["排名范围 Ranking group", scheme.RankingGroup];
        yield return ["分级方法 Grading method", scheme.Grading.Method];
        yield return ["规模以下营收线（万元） Below-size revenue (10k CNY)", scheme.BelowSizeThreshold?.RevenueBelow];
        yield return ["低效等级 Low-efficiency grades", string.Join(", ", scheme.LowEfficiencyGrades)];
        yield return [];
        yield return ["指标", "指标名称", "Indicator", "权重", "基准值", "适用"];
        yield return ["Indicator ID", "Title (Chinese)", "Title (English)", "Weight", "Benchmark", "Applies to"];
        foreach (var (indicators, scope) in new[] { (scheme.Indicators, "规模以上 Above size"), (scheme.BelowSizeThreshold?.Indicators ?? [], "规模以下 Below size") })
        {
            foreach (var w in indicators)
            {
                var d = IndicatorCatalogue.Find(w.Id);
                yield return [w.Id, d?.TitleZh, d?.TitleEn, w.Weight, w.Benchmark, scope];
            }
        }
        yield return [];
        yield return ["等级", "名额比例（%）", "最低得分"];
        yield return ["Grade", "Share (%)", "Lowest score"];
        foreach (var g in scheme.Grading.Grades)
            yield return [g.Grade, g.SharePercent, g.MinScore];
        yield return [];
        yield return ["档次", "适用等级", "政策", "Policy"];
        yield return ["Tier", "Grades", "Policy (Chinese)", "Policy (English)"];
        foreach (var t in scheme.Tiers)
            yield return [t.Id, string.Join(", ", t.Grades), t.Zh, t.En];
    }

    private static string ParkName(IReadOnlyDictionary<string, ExportPark> parks, string id) =>
        parks.TryGetValue(id, out var p) ? (p.NameEn is { Length: > 0 } en && en != p.NameZh ? $"{p.NameZh} {en}" : p.NameZh) : id;

    private static string? NotGraded(string? reason) => reason switch
    {
        null => null,
        NotGradedReasons.New => "新建企业 New enterprise",
        NotGradedReasons.Exempt => "免予评价 Exempt",
        NotGradedReasons.NoLand => "无用地面积 No land area",
        NotGradedReasons.NoEconomics => "无经济数据 No economic figures",
        NotGradedReasons.NoEnergy => "无能耗计量 No metered energy",
        _ => reason,
    };

    private static string? Tier(EfficiencyScheme scheme, string? id) =>
        id is null ? null : scheme.Tier(id) is { } t ? $"{t.Id}: {t.Zh} / {t.En}" : id;

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    /// <summary>Rows keyed by column letter, as MiniExcel writes dictionaries without a header row.</summary>
    private static List<Dictionary<string, object?>> Rows(IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        return [.. list.Select(r => Enumerable.Range(0, width).ToDictionary(Column, i => i < r.Length ? r[i] : null))];
    }

    /// <summary>A, B, …, Z, AA, AB, … (the ranking has more than 26 columns).</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);
}
