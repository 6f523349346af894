using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Storage;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>Where the Dashboard keeps quarterly reports: <c>Dashboard:ReportsDirectory</c> (default <c>data/reports</c>).</summary>
public sealed class QuarterlyReportOptions
{
    public string ReportsDirectory { get; set; } = "data/reports";
}

/// <summary>
/// The reports written at each quarter's end: <c>{ReportsDirectory}/{district}/{2026-Q3}.xlsx</c>,
/// each written whole (<see cref="AtomicFile"/>), so a reader never sees half of one.
/// </summary>
public sealed partial class ReportStore(IOptions<QuarterlyReportOptions> options)
{
    private const string Extension = ".xlsx";

    public string Directory => Path.GetFullPath(options.Value.ReportsDirectory);

    /// <summary>The stored report's path, or null when it has not been written.</summary>
    public string? Find(string district, ReportQuarter quarter) => File.Exists(PathOf(district, quarter)) ? PathOf(district, quarter) : null;

    public void Save(string district, ReportQuarter quarter, byte[] workbook)
    {
        var path = PathOf(district, quarter);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => stream.Write(workbook));
    }

    /// <summary>The quarters stored for a district, newest first.</summary>
    public IReadOnlyList<ReportQuarter> List(string district)
    {
        var folder = Path.Combine(Directory, SafeId(district));
        if (!System.IO.Directory.Exists(folder))
            return [];
        return [.. System.IO.Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(f => ReportQuarter.TryParse(Path.GetFileNameWithoutExtension(f), out var q) ? q : (ReportQuarter?)null)
            .OfType<ReportQuarter>()
            .OrderDescending()];
    }

    /// <summary>The newest quarter stored for any district: when the Dashboard last wrote reports.</summary>
    public ReportQuarter? Newest()
    {
        if (!System.IO.Directory.Exists(Directory))
            return null;
        var all = System.IO.Directory.EnumerateDirectories(Directory).SelectMany(d => List(Path.GetFileName(d))).ToList();
        return all.Count == 0 ? null : all.Max();
    }

    private string PathOf(string district, ReportQuarter quarter) => Path.Combine(Directory, SafeId(district), quarter + Extension);

    /// <summary>District ids come from the database, but a file name is no place to trust one.</summary>
    private static string SafeId(string district) =>
        SafeIdPattern().IsMatch(district) ? district : throw new ArgumentException($"'{district}' is not a district id", nameof(district));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeIdPattern();
}
