using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.ParkData.Sheets;

/// <summary>
/// The words district clerks write for each coded value, mapped to the stored codes, and the one
/// word exported for each code (so an exported sheet reads as the clerks write it and imports back
/// unchanged). The codes themselves are accepted too, so an English sheet needs no translation.
/// </summary>
public sealed class SheetVocabulary
{
    private readonly Dictionary<string, string> _byWord;
    private readonly Dictionary<string, string> _wordByCode;

    private SheetVocabulary(IReadOnlyList<(string Code, string Word, string[] Synonyms)> entries)
    {
        _byWord = new(StringComparer.OrdinalIgnoreCase);
        _wordByCode = new(StringComparer.Ordinal);
        foreach (var (code, word, synonyms) in entries)
        {
            _wordByCode[code] = word;
            foreach (var w in new[] { code, word }.Concat(synonyms))
                _byWord[Normalise(w)] = code;
        }
        Allowed = string.Join("、", entries.Select(e => e.Word));
    }

    /// <summary>The words a clerk may write, for the error message.</summary>
    public string Allowed { get; }

    public string? CodeOf(string word) => _byWord.GetValueOrDefault(Normalise(word));

    public string WordOf(string code) => _wordByCode.GetValueOrDefault(code, code);

    private static string Normalise(string word) => string.Concat(word.Where(c => !char.IsWhiteSpace(c)));

    public static SheetVocabulary Category { get; } = new(
    [
        (ParkCategory.Eliminate, "淘汰关停", ["淘汰", "关停", "淘汰关停类"]),
        (ParkCategory.Relocate, "合并搬迁", ["搬迁", "合并", "合并搬迁类"]),
        (ParkCategory.Convert, "功能转换", ["转换", "功能转换类"]),
        (ParkCategory.Upgrade, "改造提升", ["提升", "改造", "整治提升", "改造提升类"]),
    ]);

    public static SheetVocabulary LandOwnership { get; } = new(
    [
        (Vocabulary.LandOwnership.Collective, "集体土地", ["村集体土地", "集体", "集体用地"]),
        (Vocabulary.LandOwnership.StateUsedByCollective, "村集体使用的国有土地", ["国有土地", "国有", "集体使用国有土地", "state"]),
    ]);

    public static SheetVocabulary Procedure { get; } = new(
    [
        (ProcedureStatus.Complete, "完备", ["齐全", "已办理", "完善", "有", "已批"]),
        (ProcedureStatus.InProgress, "办理中", ["在办", "正在办理", "报批中"]),
        (ProcedureStatus.Partial, "部分", ["部分完备", "部分办理", "部分齐全"]),
        (ProcedureStatus.Missing, "缺失", ["无", "未办理", "没有", "不完备"]),
    ]);

    public static SheetVocabulary EnterpriseStatus { get; } = new(
    [
        (RenovationStatus.Operating, "正常生产", ["在产", "生产", "正常", "生产经营", "经营"]),
        (RenovationStatus.ShutDown, "已关停", ["关停", "停产", "已停产"]),
        (RenovationStatus.Relocating, "搬迁中", ["搬迁", "待搬迁"]),
        (RenovationStatus.Converting, "转型中", ["功能转换", "转型"]),
        (RenovationStatus.Upgraded, "已改造", ["改造完成", "已提升", "提升完成"]),
    ]);

    public static SheetVocabulary YesNo { get; } = new(
    [
        ("true", "是", ["yes", "y", "1", "已纳入", "纳入"]),
        ("false", "否", ["no", "n", "0", "未纳入", "不纳入"]),
    ]);
}
