using System.Globalization;
using SmartPark.ParkData.Validation;

namespace SmartPark.ParkData.Sheets;

/// <summary>What the uploaded files hold: the park and enterprise rows that read cleanly, and every problem found reading them.</summary>
public sealed record ParsedSheets(IReadOnlyList<ParkRow> Parks, IReadOnlyList<EnterpriseRow> Enterprises, IReadOnlyList<SheetProblem> Problems, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Turns uploaded files into park and enterprise rows. Each sheet of each file is told to be a
/// park or an enterprise sheet by its header row (the first of its first rows that has the
/// columns of one), so a workbook may hold both sheets under any names, or two CSV files one
/// each; rows above the header (a title such as “白云区村级工业园台账”) are skipped. Cell problems are
/// collected, not thrown: a row with any is left out, and its problems are reported.
/// </summary>
public static class DistrictSheetParser
{
    /// <summary>How far down the header row may be.</summary>
    private const int HeaderSearchRows = 10;

    /// <summary>1 ha = 15 亩.</summary>
    public const double MuPerHectare = 15;

    /// <summary>1 亩 = 10000/15 m².</summary>
    public const double SquareMetresPerMu = 10000 / MuPerHectare;

    public static ParsedSheets Parse(IEnumerable<SheetFile> files)
    {
        var parks = new List<ParkRow>();
        var enterprises = new List<EnterpriseRow>();
        var problems = new List<SheetProblem>();
        var ignored = new List<string>();
        foreach (var file in files)
        {
            var sheets = SheetFileReader.Read(file);
            if (sheets is null)
            {
                problems.Add(new SheetProblem(file.Name, 0, null, SheetProblemCode.Unreadable));
                continue;
            }
            foreach (var sheet in sheets)
            {
                var name = sheets.Count == 1 ? file.Name : $"{file.Name} / {sheet.Name}";
                if (sheet.Rows.All(r => r.IsEmpty))
                    continue; // an empty extra sheet (Sheet2, Sheet3) is not an error
                var header = FindHeader(sheet);
                if (header is null)
                {
                    problems.Add(new SheetProblem(name, 0, null, SheetProblemCode.UnknownSheet));
                    continue;
                }
                var (row, isEnterprise) = header.Value;
                var columnSet = isEnterprise ? EnterpriseColumns.All : ParkColumns.All;
                var columns = MapColumns(name, row, columnSet, problems, ignored);
                if (!CheckRequiredColumns(name, row.Number, columns, isEnterprise, problems))
                    continue;
                var data = sheet.Rows.Where(r => r.Number > row.Number && !r.IsEmpty).ToList();
                if (data.Count > SheetFileReader.MaxRows)
                {
                    problems.Add(new SheetProblem(name, data[SheetFileReader.MaxRows].Number, null, SheetProblemCode.TooManyRows, Detail: SheetFileReader.MaxRows.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }
                foreach (var line in data)
                {
                    var before = problems.Count;
                    var cells = new CellReader(name, line, columns, problems);
                    if (isEnterprise)
                    {
                        var parsed = ReadEnterprise(name, cells, columns);
                        if (parsed is not null && problems.Count == before)
                            enterprises.Add(parsed);
                    }
                    else
                    {
                        var parsed = ReadPark(name, cells, columns);
                        if (parsed is not null && problems.Count == before)
                            parks.Add(parsed);
                    }
                }
            }
        }
        return new ParsedSheets(parks, enterprises, problems, ignored.Distinct(StringComparer.Ordinal).ToList());
    }

    private static (RawRow Row, bool IsEnterprise)? FindHeader(RawSheet sheet)
    {
        foreach (var row in sheet.Rows.Take(HeaderSearchRows))
        {
            var headers = row.Cells.Select(c => SheetColumn.Normalise(SheetFileReader.Text(c) ?? "")).Where(h => h.Length > 0).ToList();
            if (headers.Any(EnterpriseColumns.Distinctive.Contains))
                return (row, true);
            if (headers.Any(ParkColumns.Id.Matches) && headers.Any(ParkColumns.NameZh.Matches))
                return (row, false);
        }
        return null;
    }

    private static Dictionary<SheetColumn, SheetHeader> MapColumns(string sheet, RawRow header, IReadOnlyList<SheetColumn> known, List<SheetProblem> problems, List<string> ignored)
    {
        var columns = new Dictionary<SheetColumn, SheetHeader>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = SheetFileReader.Text(header.Cells[i]);
            if (text is null)
                continue;
            var normalised = SheetColumn.Normalise(text);
            var column = known.FirstOrDefault(c => c.Matches(normalised));
            if (column is null)
            {
                ignored.Add(text);
                continue;
            }
            if (!columns.TryAdd(column, new SheetHeader(i, text)))
                problems.Add(new SheetProblem(sheet, header.Number, text, SheetProblemCode.DuplicateColumn));
        }
        return columns;
    }

    private static bool CheckRequiredColumns(string sheet, int headerRow, Dictionary<SheetColumn, SheetHeader> columns, bool isEnterprise, List<SheetProblem> problems)
    {
        var before = problems.Count;
        var set = isEnterprise ? EnterpriseColumns.All : ParkColumns.All;
        foreach (var column in set.Where(c => c.Required && !columns.ContainsKey(c)))
            problems.Add(new SheetProblem(sheet, headerRow, column.Zh, SheetProblemCode.MissingColumn));
        if (!isEnterprise && !columns.ContainsKey(ParkColumns.AreaHectares) && !columns.ContainsKey(ParkColumns.AreaMu))
            problems.Add(new SheetProblem(sheet, headerRow, $"{ParkColumns.AreaHectares.Zh} / {ParkColumns.AreaMu.Zh}", SheetProblemCode.MissingColumn));
        return problems.Count == before && !problems.Any(p => p.Sheet == sheet && p.Code == SheetProblemCode.DuplicateColumn);
    }

    private static HashSet<string> Present(Dictionary<SheetColumn, SheetHeader> columns) => columns.Keys.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    private static ParkRow? ReadPark(string sheet, CellReader cells, Dictionary<SheetColumn, SheetHeader> columns)
    {
        var id = cells.Id(ParkColumns.Id);
        var nameZh = cells.Required(ParkColumns.NameZh);
        var leading = cells.Required(ParkColumns.LeadingIndustry);
        var (hectares, areaColumn) = ReadArea(cells, columns);
        var row = new ParkRow(sheet, cells.Row, Present(columns))
        {
            Id = id ?? "",
            NameZh = nameZh ?? "",
            NameEn = cells.Text(ParkColumns.NameEn),
            District = cells.Text(ParkColumns.District),
            Township = cells.Text(ParkColumns.Township),
            VillageCollective = cells.Text(ParkColumns.VillageCollective),
            Address = cells.Text(ParkColumns.Address, 500),
            // China lies within these: a value outside is a typo or the two columns swapped.
            Longitude = cells.Number(ParkColumns.Longitude, 73, 136),
            Latitude = cells.Number(ParkColumns.Latitude, 3, 54),
            LandAreaHectares = hectares,
            AreaColumn = areaColumn,
            LandOwnership = cells.Word(ParkColumns.LandOwnership, SheetVocabulary.LandOwnership),
            LandProcedures = cells.Word(ParkColumns.LandProcedures, SheetVocabulary.Procedure),
            InSanjiuMap = cells.YesNo(ParkColumns.InSanjiuMap),
            IndustrialBlock = cells.Text(ParkColumns.IndustrialBlock),
            LeadingIndustry = leading ?? "",
            PlanningStatus = cells.Word(ParkColumns.Planning, SheetVocabulary.Procedure),
            EnvironmentalAssessmentStatus = cells.Word(ParkColumns.Environmental, SheetVocabulary.Procedure),
            Category = cells.Word(ParkColumns.Category, SheetVocabulary.Category),
            Batch = cells.Batch(ParkColumns.Batch),
            DecisionDate = cells.Date(ParkColumns.DecisionDate),
        };
        return id is null || nameZh is null || leading is null || hectares is null ? null : row;
    }

    /// <summary>The area in hectares from 公顷 or 亩 (÷15); both given must agree to 1%.</summary>
    private static (double? Hectares, string Column) ReadArea(CellReader cells, Dictionary<SheetColumn, SheetHeader> columns)
    {
        var hectares = cells.Number(ParkColumns.AreaHectares, 0, 100_000);
        var mu = cells.Number(ParkColumns.AreaMu, 0, 1_500_000);
        var column = columns.TryGetValue(ParkColumns.AreaHectares, out var h) ? h.Text : columns[ParkColumns.AreaMu].Text;
        var fromMu = mu / MuPerHectare;
        if (hectares is { } ha && fromMu is { } muHa)
        {
            if (Math.Abs(ha - muHa) > 0.01 * Math.Max(ha, muHa))
            {
                cells.Problem(ParkColumns.AreaMu, SheetProblemCode.AreaMismatch, $"{Format(ha)} ha ≠ {Format(mu!.Value)} 亩");
                return (null, column);
            }
            return (ha, column);
        }
        if (hectares is null && fromMu is null)
        {
            cells.Problem(columns.ContainsKey(ParkColumns.AreaHectares) ? ParkColumns.AreaHectares : ParkColumns.AreaMu, SheetProblemCode.Required);
            return (null, column);
        }
        if (hectares is null)
            column = columns[ParkColumns.AreaMu].Text;
        return (hectares ?? Math.Round(fromMu!.Value, 4), column);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static EnterpriseRow? ReadEnterprise(string sheet, CellReader cells, Dictionary<SheetColumn, SheetHeader> columns)
    {
        var park = cells.Id(EnterpriseColumns.Park);
        var id = cells.Id(EnterpriseColumns.Id);
        var nameZh = cells.Required(EnterpriseColumns.NameZh);
        var industry = cells.Required(EnterpriseColumns.Industry);
        var code = cells.Text(EnterpriseColumns.CreditCode, 40)?.ToUpperInvariant();
        if (code is not null && UnifiedSocialCreditCode.Check(code) is { } problem)
        {
            cells.Problem(EnterpriseColumns.CreditCode, problem switch
            {
                UnifiedSocialCreditCode.Problem.Length => SheetProblemCode.CreditCodeLength,
                UnifiedSocialCreditCode.Problem.Character => SheetProblemCode.CreditCodeCharacter,
                _ => SheetProblemCode.CreditCodeCheckDigit,
            }, code);
        }
        var landM2 = cells.Number(EnterpriseColumns.LandArea, 0, 10_000_000);
        var landMu = cells.Number(EnterpriseColumns.LandAreaMu, 0, 15_000);
        var row = new EnterpriseRow(sheet, cells.Row, Present(columns))
        {
            ParkId = park ?? "",
            Id = id ?? "",
            NameZh = nameZh ?? "",
            NameEn = cells.Text(EnterpriseColumns.NameEn),
            CreditCode = code,
            Industry = industry ?? "",
            FloorAreaM2 = cells.Number(EnterpriseColumns.FloorArea, 0, 10_000_000),
            LandAreaM2 = landM2 ?? (landMu is { } m ? Math.Round(m * SquareMetresPerMu, 2) : null),
            ContactName = cells.Text(EnterpriseColumns.ContactName, 100),
            ContactPhone = cells.Text(EnterpriseColumns.ContactPhone, 40),
            Status = cells.Word(EnterpriseColumns.Status, SheetVocabulary.EnterpriseStatus),
            DischargePermitNumber = cells.Text(EnterpriseColumns.PermitNumber, 64),
            DischargePermitExpiry = cells.Date(EnterpriseColumns.PermitExpiry),
        };
        return park is null || id is null || nameZh is null || industry is null ? null : row;
    }
}
