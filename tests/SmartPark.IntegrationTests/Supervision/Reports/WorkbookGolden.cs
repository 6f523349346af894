using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// A workbook read back with MiniExcel as text, one CSV per sheet, compared cell by cell with the
/// committed golden files. Run with <c>SMARTPARK_BLESS_REPORTS=1</c> to write the golden files
/// from the workbook instead (then read the diff before committing it).
/// </summary>
public static class WorkbookGolden
{
    public const string BlessVariable = "SMARTPARK_BLESS_REPORTS";

    /// <summary>Each sheet's cells as text: numbers in invariant round-trip form, blanks as empty, trailing blanks dropped.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadSheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        var rows = stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => (IReadOnlyList<string>)Trim(row.Values.Select(Cell)))
            .ToList();
        while (rows.Count > 0 && rows[^1].Count == 0)
            rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    public static IReadOnlyList<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.GetSheetNames();
    }

    /// <summary>Compares every sheet with its golden file; the failure lists each differing cell.</summary>
    public static void AssertMatches(byte[] workbook, IReadOnlyList<string> sheets, string goldenFolder)
    {
        var bless = Environment.GetEnvironmentVariable(BlessVariable) == "1";
        var differences = new List<string>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var actual = ReadSheet(workbook, sheets[i]);
            var path = Path.Combine(goldenFolder, $"{i + 1}.csv");
            if (bless)
            {
                Directory.CreateDirectory(goldenFolder);
                File.WriteAllText(path, ToCsv(actual), new UTF8Encoding(false));
                continue;
            }
            Assert.True(File.Exists(path), $"{path} is missing: run the test with {BlessVariable}=1 to write it");
            var expected = FromCsv(File.ReadAllText(path));
            for (var row = 0; row < Math.Max(expected.Count, actual.Count); row++)
            {
                var e = row < expected.Count ? expected[row] : [];
                var a = row < actual.Count ? actual[row] : [];
                for (var column = 0; column < Math.Max(e.Count, a.Count); column++)
                {
                    var ev = column < e.Count ? e[column] : "";
                    var av = column < a.Count ? a[column] : "";
                    if (ev != av)
                        differences.Add($"{sheets[i]}!{(char)('A' + column)}{row + 1}: expected '{ev}', got '{av}'");
                }
            }
        }
        Assert.True(differences.Count == 0,
            $"The workbook differs from the golden files in {goldenFolder} in {differences.Count} cells " +
            $"(if the change is intended, run with {BlessVariable}=1 and commit the new files):\n" + string.Join("\n", differences.Take(100)));
    }

    /// <summary>The golden files live in the source tree, next to this test.</summary>
    public static string SourceFolder(params string[] parts) =>
        Path.Combine([TestSupport.RepositoryPaths.Root, "tests", "SmartPark.IntegrationTests", "Supervision", "Reports", "Golden", .. parts]);

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> Trim(IEnumerable<string> cells)
    {
        var list = cells.ToList();
        while (list.Count > 0 && list[^1].Length == 0)
            list.RemoveAt(list.Count - 1);
        return list;
    }

    /// <summary>CSV through MiniExcel, so quoting and escapes follow one library both ways.</summary>
    private static string ToCsv(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var width = rows.Count == 0 ? 1 : Math.Max(1, rows.Max(r => r.Count));
        var table = rows.Select(r => Enumerable.Range(0, width).ToDictionary(c => $"c{c}", c => (object?)(c < r.Count ? r[c] : ""))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: false, excelType: ExcelType.CSV);
        return Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
    }

    private static List<List<string>> FromCsv(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object?>>()
            .Select(row => Trim(row.Values.Select(v => v?.ToString() ?? "")))
            .ToList();
        while (rows.Count > 0 && rows[^1].Count == 0)
            rows.RemoveAt(rows.Count - 1);
        return rows;
    }
}
