namespace SmartPark.Dashboard.Supervision.Sheets;

/// <summary>Section <c>Supervision:Import</c>: the district sheet upload.</summary>
public sealed class SheetImportOptions
{
    public const string Section = "Supervision:Import";

    /// <summary>
    /// The largest upload, all files together. A district's park list of a few hundred rows is
    /// tens of kilobytes; the limit is checked on the declared length before anything is read,
    /// and enforced on the body while it is read.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Files in one upload: a workbook, or a park CSV and an enterprise CSV.</summary>
    public int MaxFiles { get; set; } = 4;
}
