using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace SmartPark.ParkData.Sheets;

/// <summary>An uploaded file: its name (for messages) and its bytes (already size-limited by the caller).</summary>
public sealed record SheetFile(string Name, byte[] Content);

/// <summary>A sheet's rows as the spreadsheet numbers them (1 = the first row), cells by column from A.</summary>
public sealed record RawSheet(string Name, IReadOnlyList<RawRow> Rows);

public sealed record RawRow(int Number, IReadOnlyList<object?> Cells)
{
    public bool IsEmpty => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// Reads a district's file with MiniExcel: an XLSX workbook (every sheet) or a CSV text. CSVs
/// saved by a Chinese Excel are GB18030 (ANSI) rather than UTF-8, so text that is not valid UTF-8
/// is read as GB18030. Rows are read without a header row and numbered as the spreadsheet shows
/// them, so a problem's row number is the one the clerk sees.
/// </summary>
public static class SheetFileReader
{
    static SheetFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Rows past this in one sheet are not read (the import refuses the sheet).</summary>
    public const int MaxRows = 5000;

    /// <summary>Columns past this are not read: no park sheet is wider, and a crafted sheet's width is not our memory.</summary>
    public const int MaxColumns = 64;

    /// <summary>The sheets of the file; null when it is neither XLSX nor text.</summary>
    public static IReadOnlyList<RawSheet>? Read(SheetFile file)
    {
        try
        {
            return IsZip(file.Content) ? ReadXlsx(file) : ReadCsv(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static List<RawSheet> ReadXlsx(SheetFile file)
    {
        using var stream = new MemoryStream(file.Content, writable: false);
        var sheets = new List<RawSheet>();
        foreach (var name in stream.GetSheetNames())
        {
            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FillMergedCells = true });
            sheets.Add(new RawSheet(sheets.Count == 0 && name.Length == 0 ? file.Name : name, Collect(rows)));
        }
        return sheets;
    }

    private static List<RawSheet>? ReadCsv(SheetFile file)
    {
        var text = Decode(file.Content);
        if (text is null)
            return null;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: new CsvConfiguration { Seperator = SeparatorOf(text) });
        return [new RawSheet(Path.GetFileNameWithoutExtension(file.Name), Collect(rows))];
    }

    /// <summary>UTF-8 (with or without BOM) when it decodes as such, else GB18030; null for binary.</summary>
    private static string? Decode(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        // A NUL never appears in a text sheet: this is some other binary (an old .xls, a picture).
        return text.Contains('\0', StringComparison.Ordinal) ? null : text;
    }

    /// <summary>Excel writes ';' in locales whose decimal mark is ','; tabs come from copy-paste. The header line decides.</summary>
    private static char SeparatorOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end >= 0 ? text[..end] : text;
        var best = new[] { ',', ';', '\t' }.Select(c => (Separator: c, Count: firstLine.Count(x => x == c))).MaxBy(x => x.Count);
        return best.Count > 0 ? best.Separator : ',';
    }

    private static List<RawRow> Collect(IEnumerable<dynamic> rows)
    {
        var result = new List<RawRow>();
        var number = 0;
        foreach (IDictionary<string, object?> row in rows)
        {
            number++;
            // One row past the limit is kept so the importer can say the sheet is too long.
            if (number > MaxRows + 1)
                break;
            var cells = row.Values.Take(MaxColumns).ToList();
            result.Add(new RawRow(number, cells));
        }
        return result;
    }

    /// <summary>A cell as text: numbers as written (no exponent, no trailing zeros), dates as ISO days.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() is { Length: > 0 } t2 ? t2 : null,
    };
}
