using System.Globalization;
using SmartPark.Contracts.Topics;

namespace SmartPark.ParkData.Sheets;

/// <summary>
/// Reads one row's cells by column, turning what clerks write (亩 or 公顷, 2024/5/31 or a date
/// cell, 第三批, 是/否, Chinese words) into typed values, and noting a problem for each cell it
/// cannot read instead of stopping, so one upload lists every bad cell.
/// </summary>
internal sealed class CellReader(string sheet, RawRow row, IReadOnlyDictionary<SheetColumn, SheetHeader> columns, List<SheetProblem> problems)
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    public int Row => row.Number;

    public bool Has(SheetColumn column) => columns.ContainsKey(column);

    public void Problem(SheetColumn column, string code, string? value = null, string? detail = null) =>
        problems.Add(new SheetProblem(sheet, row.Number, columns.TryGetValue(column, out var h) ? h.Text : column.Zh, code, value, detail));

    private object? Cell(SheetColumn column) =>
        columns.TryGetValue(column, out var header) && header.Index < row.Cells.Count ? row.Cells[header.Index] : null;

    public string? Text(SheetColumn column, int maxLength = 200)
    {
        var text = SheetFileReader.Text(Cell(column));
        if (text is { } t && t.Length > maxLength)
        {
            Problem(column, SheetProblemCode.TooLong, t[..Math.Min(t.Length, 40)], maxLength.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        return text;
    }

    public string? Required(SheetColumn column, int maxLength = 200)
    {
        var text = Text(column, maxLength);
        if (text is null && SheetFileReader.Text(Cell(column)) is null)
            Problem(column, SheetProblemCode.Required);
        return text;
    }

    public string? Id(SheetColumn column)
    {
        var text = Required(column, 64);
        if (text is null)
            return null;
        if (!Ids.IsValid(text))
        {
            Problem(column, SheetProblemCode.InvalidId, text);
            return null;
        }
        return text;
    }

    public double? Number(SheetColumn column, double min, double max)
    {
        var cell = Cell(column);
        double value;
        switch (cell)
        {
            case double d:
                value = d;
                break;
            case IConvertible c when cell is not string and not DateTime and not bool:
                value = c.ToDouble(CultureInfo.InvariantCulture);
                break;
            default:
                var text = SheetFileReader.Text(cell);
                if (text is null)
                    return null;
                // Clerks write thousands separators and full-width digits; both mean the plain number.
                var plain = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal);
                if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    Problem(column, SheetProblemCode.NotANumber, text);
                    return null;
                }
                break;
        }
        if (double.IsNaN(value) || value < min || value > max)
        {
            Problem(column, SheetProblemCode.OutOfRange, value.ToString(CultureInfo.InvariantCulture),
                $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return value;
    }

    public DateOnly? Date(SheetColumn column)
    {
        var cell = Cell(column);
        switch (cell)
        {
            case DateTime t:
                return DateOnly.FromDateTime(t);
            case double d when d is > 20000 and < 80000:
                // A date cell MiniExcel could not tell from a number: Excel's serial day.
                return DateOnly.FromDateTime(DateTime.FromOADate(d));
        }
        var text = SheetFileReader.Text(cell);
        if (text is null)
            return null;
        if (DateTime.TryParseExact(text.Normalize(System.Text.NormalizationForm.FormKC), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return DateOnly.FromDateTime(parsed);
        Problem(column, SheetProblemCode.NotADate, text);
        return null;
    }

    /// <summary>A coded value from its Chinese word, a synonym or the code; null when empty.</summary>
    public string? Word(SheetColumn column, SheetVocabulary vocabulary)
    {
        var text = Text(column);
        if (text is null)
            return null;
        if (vocabulary.CodeOf(text) is { } code)
            return code;
        Problem(column, SheetProblemCode.UnknownValue, text, vocabulary.Allowed);
        return null;
    }

    public bool? YesNo(SheetColumn column)
    {
        var cell = Cell(column);
        if (cell is bool b)
            return b;
        var text = SheetFileReader.Text(cell);
        if (text is null)
            return null;
        if (SheetVocabulary.YesNo.CodeOf(text) is { } code)
            return code == "true";
        Problem(column, SheetProblemCode.NotYesNo, text);
        return null;
    }

    /// <summary>第三批, 第3批, 3: the batch number.</summary>
    public int? Batch(SheetColumn column)
    {
        var text = SheetFileReader.Text(Cell(column));
        if (text is null)
            return null;
        var core = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimStart('第').TrimEnd('批').Trim();
        if (int.TryParse(core, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99)
            return n;
        if (ChineseNumber(core) is { } c)
            return c;
        Problem(column, SheetProblemCode.NotANumber, text);
        return null;
    }

    /// <summary>一 to 九十九.</summary>
    private static int? ChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text.Length == 0)
            return null;
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
            return text.Length == 1 && digits.IndexOf(text[0], StringComparison.Ordinal) is > 0 and var d ? d : null;
        var tens = ten == 0 ? 1 : text.Length > 0 && digits.IndexOf(text[0], StringComparison.Ordinal) is > 0 and var t && ten == 1 ? t : -1;
        var rest = text[(ten + 1)..];
        var units = rest.Length == 0 ? 0 : rest.Length == 1 && digits.IndexOf(rest[0], StringComparison.Ordinal) is > 0 and var u ? u : -1;
        return tens > 0 && units >= 0 ? tens * 10 + units : null;
    }
}

/// <summary>Where a column is in a sheet and how its header is written there (for messages).</summary>
internal sealed record SheetHeader(int Index, string Text);
