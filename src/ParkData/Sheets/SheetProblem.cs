namespace SmartPark.ParkData.Sheets;

/// <summary>
/// One thing wrong with an imported sheet: where (the sheet, the row number as the spreadsheet
/// shows it, the column as its header is written) and why, as a <see cref="SheetProblemCode"/> the
/// UI translates, with the offending <paramref name="Value"/> and a <paramref name="Detail"/> the
/// message needs (the allowed words, the minimum area, the row a duplicate first appeared in).
/// <see cref="Message"/> is the same in English for callers of the API without the UI.
/// </summary>
public sealed record SheetProblem(string Sheet, int Row, string? Column, string Code, string? Value = null, string? Detail = null)
{
    public string Message => SheetProblemCode.Describe(this);
}

/// <summary>Why a row or a sheet is refused. Stable words: the Dashboard's dictionaries key on them (<c>import.problem.CODE</c>).</summary>
public static class SheetProblemCode
{
    /// <summary>Neither an XLSX workbook nor a CSV text.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>No row among the first few looks like a header of a park or enterprise sheet.</summary>
    public const string UnknownSheet = "unknown_sheet";

    /// <summary>No park rows in any file (nothing to import).</summary>
    public const string NoParks = "no_rows";

    public const string MissingColumn = "missing_column";
    public const string DuplicateColumn = "duplicate_column";
    public const string TooManyRows = "too_many_rows";
    public const string Required = "required";
    public const string InvalidId = "invalid_id";
    public const string TooLong = "too_long";
    public const string NotANumber = "not_a_number";
    public const string OutOfRange = "out_of_range";
    public const string NotADate = "not_a_date";
    public const string NotYesNo = "not_yes_no";
    public const string UnknownValue = "unknown_value";
    public const string CreditCodeLength = "credit_code_length";
    public const string CreditCodeCharacter = "credit_code_character";
    public const string CreditCodeCheckDigit = "credit_code_check_digit";
    public const string AreaMismatch = "area_mismatch";
    public const string BelowMinimumArea = "below_minimum_area";
    public const string UnknownDistrict = "unknown_district";
    public const string DuplicateId = "duplicate_id";
    public const string DuplicateCreditCode = "duplicate_credit_code";
    public const string OtherDistrict = "other_district";
    public const string UnknownPark = "unknown_park";

    public static string Describe(SheetProblem p) => p.Code switch
    {
        Unreadable => "the file is neither an XLSX workbook nor a CSV text",
        UnknownSheet => "no header row of a park or enterprise sheet was found in the first rows",
        NoParks => "the sheet has no rows to import",
        MissingColumn => $"the column '{p.Column}' is missing",
        DuplicateColumn => $"the column '{p.Column}' appears twice",
        TooManyRows => $"more than {p.Detail} rows; split the sheet",
        Required => $"{p.Column} is empty",
        InvalidId => $"'{p.Value}' is not an id: lower-case letters, digits and '-', at most 64",
        TooLong => $"'{p.Column}' is longer than {p.Detail} characters",
        NotANumber => $"'{p.Value}' is not a number",
        OutOfRange => $"{p.Value} is outside {p.Detail}",
        NotADate => $"'{p.Value}' is not a date (2024-05-31)",
        NotYesNo => $"'{p.Value}' is neither 是 nor 否",
        UnknownValue => $"'{p.Value}' is not one of {p.Detail}",
        CreditCodeLength => "a unified social credit code has 18 characters",
        CreditCodeCharacter => "a unified social credit code uses digits and capitals except I, O, Z, S and V",
        CreditCodeCheckDigit => "the unified social credit code's check character does not match (a typo?)",
        AreaMismatch => $"the areas in mu and in hectares disagree ({p.Value})",
        BelowMinimumArea => $"{p.Value} ha is below this jurisdiction's minimum of {p.Detail} ha for a park",
        UnknownDistrict => $"'{p.Value}' is not a known district",
        DuplicateId => $"'{p.Value}' is already used in row {p.Detail}",
        DuplicateCreditCode => p.Detail is null ? $"the credit code {p.Value} is held by another enterprise" : $"the credit code {p.Value} is already used in row {p.Detail}",
        OtherDistrict => $"'{p.Value}' belongs to another district than the one importing",
        UnknownPark => $"park '{p.Value}' is neither in the park sheet nor in this district",
        _ => p.Code,
    };
}
