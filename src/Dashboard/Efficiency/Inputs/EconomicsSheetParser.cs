using System.Globalization;
using System.Text;
using SmartPark.ParkData.Sheets;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>One row of figures as read: the enterprise as named, and each figure the sheet gives (a column absent or a cell empty is null: left as stored).</summary>
public sealed record EconomicsSheetRow(string Sheet, int Row, string? CreditCode, string? Park, string? Enterprise,
    double? OutputValue, double? ValueAdded, double? Revenue, double? TaxPaid, int? Employees, double? RdSpending, string? Standing);

/// <summary>What the file holds: the rows that read cleanly, every problem found, and the headers not understood (ignored).</summary>
public sealed record ParsedEconomicsSheet(IReadOnlyList<EconomicsSheetRow> Rows, IReadOnlyList<EconomicsSheetProblem> Problems, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Reads an economic figures sheet (CSV or XLSX, through the park sheets' MiniExcel reader, which
/// stops after <see cref="SheetFileReader.MaxRows"/> rows). The header is the first of the first
/// rows naming at least two of <see cref="EconomicsSheetColumns.All"/>, so a title row above it
/// is skipped. Cell problems are collected, not thrown, so one upload lists every bad cell.
/// </summary>
public static class EconomicsSheetParser
{
    private const int HeaderSearchRows = 10;

    public static ParsedEconomicsSheet Parse(SheetFile file)
    {
        var rows = new List<EconomicsSheetRow>();
        var problems = new List<EconomicsSheetProblem>();
        var ignored = new List<string>();
        var sheets = SheetFileReader.Read(file);
        if (sheets is null)
            return new ParsedEconomicsSheet(rows, [new EconomicsSheetProblem(file.Name, 0, null, EconomicsSheetProblem.Unreadable)], ignored);
        foreach (var sheet in sheets.Where(s => !s.Rows.All(r => r.IsEmpty)))
        {
            var name = sheets.Count == 1 ? file.Name : $"{file.Name} / {sheet.Name}";
            var header = sheet.Rows.Take(HeaderSearchRows).FirstOrDefault(r => Known(r) >= 2);
            if (header is null)
            {
                problems.Add(new EconomicsSheetProblem(name, 0, null, EconomicsSheetProblem.NoHeader));
                continue;
            }
            var columns = MapColumns(name, header, problems, ignored);
            if (!columns.ContainsKey(EconomicsSheetColumns.CreditCode) && !(columns.ContainsKey(EconomicsSheetColumns.Park) && columns.ContainsKey(EconomicsSheetColumns.Enterprise)))
            {
                problems.Add(new EconomicsSheetProblem(name, header.Number, null, EconomicsSheetProblem.NoIdentity));
                continue;
            }
            var data = sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty).ToList();
            if (data.Count > SheetFileReader.MaxRows)
            {
                problems.Add(new EconomicsSheetProblem(name, data[SheetFileReader.MaxRows].Number, null, EconomicsSheetProblem.TooManyRows,
                    Detail: SheetFileReader.MaxRows.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            foreach (var line in data)
            {
                var before = problems.Count;
                var row = Read(name, line, columns, problems);
                if (problems.Count == before)
                    rows.Add(row);
            }
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new EconomicsSheetProblem(file.Name, 0, null, EconomicsSheetProblem.NoRows));
        return new ParsedEconomicsSheet(rows, problems, ignored);
    }

    private static int Known(RawRow row) =>
        row.Cells.Count(c => SheetFileReader.Text(c) is { } t && EconomicsSheetColumns.All.Any(col => col.Matches(SheetColumn.Normalise(t))));

    private static Dictionary<SheetColumn, (int Index, string Text)> MapColumns(string sheet, RawRow header, List<EconomicsSheetProblem> problems, List<string> ignored)
    {
        var columns = new Dictionary<SheetColumn, (int, string)>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (SheetFileReader.Text(header.Cells[i]) is not { } text)
                continue;
            var column = EconomicsSheetColumns.All.FirstOrDefault(c => c.Matches(SheetColumn.Normalise(text)));
            if (column is null)
                ignored.Add(text);
            else if (!columns.TryAdd(column, (i, text)))
                problems.Add(new EconomicsSheetProblem(sheet, header.Number, text, EconomicsSheetProblem.DuplicateColumn));
        }
        return columns;
    }

    private static EconomicsSheetRow Read(string sheet, RawRow line, Dictionary<SheetColumn, (int Index, string Text)> columns, List<EconomicsSheetProblem> problems)
    {
        string? Text(SheetColumn column) =>
            columns.TryGetValue(column, out var c) && c.Index < line.Cells.Count ? SheetFileReader.Text(line.Cells[c.Index]) : null;
        void Problem(SheetColumn column, string code, string? value, string? detail = null) =>
            problems.Add(new EconomicsSheetProblem(sheet, line.Number, columns[column].Text, code, value, detail));

        double? Number(SheetColumn column, double max)
        {
            if (Text(column) is not { } text)
                return null;
            var cell = line.Cells[columns[column].Index];
            double value;
            if (cell is double d)
            {
                value = d;
            }
            else
            {
                // Clerks write thousands separators and full-width digits; both mean the plain number.
                var plain = text.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal);
                if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsNaN(value) || double.IsInfinity(value))
                {
                    Problem(column, EconomicsSheetProblem.NotANumber, text);
                    return null;
                }
            }
            if (value < 0)
            {
                Problem(column, EconomicsSheetProblem.Negative, text);
                return null;
            }
            if (value > max)
            {
                Problem(column, EconomicsSheetProblem.TooLarge, text, max.ToString(CultureInfo.InvariantCulture));
                return null;
            }
            return value;
        }

        var creditCode = Text(EconomicsSheetColumns.CreditCode)?.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var park = Text(EconomicsSheetColumns.Park);
        var enterprise = Text(EconomicsSheetColumns.Enterprise);
        if (creditCode is null && (park is null || enterprise is null))
            problems.Add(new EconomicsSheetProblem(sheet, line.Number, null, EconomicsSheetProblem.MissingIdentity));
        var money = EconomicsSheetColumns.Money.ToDictionary(c => c, c => Number(c, EconomicsForm.MaxMoney));
        int? employees = null;
        if (Number(EconomicsSheetColumns.Employees, EconomicsForm.MaxEmployees) is { } n)
        {
            if (n != Math.Floor(n))
                Problem(EconomicsSheetColumns.Employees, EconomicsSheetProblem.NotAnInteger, Text(EconomicsSheetColumns.Employees));
            else
                employees = (int)n;
        }
        string? standing = null;
        if (Text(EconomicsSheetColumns.Standing) is { } word)
        {
            standing = EconomicsSheetColumns.StandingOf(word);
            if (standing is null)
                Problem(EconomicsSheetColumns.Standing, EconomicsSheetProblem.UnknownStanding, word);
        }
        return new EconomicsSheetRow(sheet, line.Number, creditCode, park, enterprise,
            money[EconomicsSheetColumns.OutputValue], money[EconomicsSheetColumns.ValueAdded], money[EconomicsSheetColumns.Revenue],
            money[EconomicsSheetColumns.TaxPaid], employees, money[EconomicsSheetColumns.RdSpending], standing);
    }
}
