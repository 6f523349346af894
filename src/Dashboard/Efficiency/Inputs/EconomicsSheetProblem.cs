namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// One thing wrong with an economic figures sheet: where (the sheet, the row number the
/// spreadsheet shows, the column as its header is written) and why, as a code the page translates
/// (<c>efficiencyInputs.problem.CODE</c>) and in English for callers of the API.
/// </summary>
public sealed record EconomicsSheetProblem(string Sheet, int Row, string? Column, string Code, string? Value = null, string? Detail = null)
{
    public const string Unreadable = "unreadable";
    public const string NoHeader = "no_header";
    public const string NoIdentity = "no_identity";
    public const string DuplicateColumn = "duplicate_column";
    public const string TooManyRows = "too_many_rows";
    public const string NoRows = "no_rows";
    public const string MissingIdentity = "missing_identity";
    public const string UnknownEnterprise = "unknown_enterprise";
    public const string OtherDistrict = "other_district";
    public const string IdentityMismatch = "identity_mismatch";
    public const string DuplicateRow = "duplicate_row";
    public const string NotANumber = "not_a_number";
    public const string Negative = "negative";
    public const string TooLarge = "too_large";
    public const string NotAnInteger = "not_an_integer";
    public const string UnknownStanding = "unknown_standing";

    public string Message => Code switch
    {
        Unreadable => "the file is neither an XLSX workbook nor a CSV text",
        NoHeader => "no header row with the figures' columns was found in the first rows",
        NoIdentity => "the sheet needs a credit code column, or park and enterprise id columns",
        DuplicateColumn => $"the column '{Column}' appears twice",
        TooManyRows => $"more than {Detail} rows; split the sheet",
        NoRows => "the sheet has no rows to import",
        MissingIdentity => "the row names no enterprise (credit code, or park and enterprise id)",
        UnknownEnterprise => $"no enterprise '{Value}' in the park database",
        OtherDistrict => $"'{Value}' is an enterprise of another district",
        IdentityMismatch => $"the credit code names another enterprise than {Value}",
        DuplicateRow => $"this enterprise is already in row {Detail}",
        NotANumber => $"'{Value}' is not a number",
        Negative => $"{Value} is negative",
        TooLarge => $"{Value} is larger than {Detail}",
        NotAnInteger => $"'{Value}' is not a whole number",
        UnknownStanding => $"'{Value}' is not one of 参评, 新建, 豁免 (graded, new, exempt)",
        _ => Code,
    };
}
