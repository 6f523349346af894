using System.Globalization;
using System.Text;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Where spooled points that InfluxDB refuses for good (HTTP 400: a field type conflict, a line it
/// cannot parse) are kept, so a replay can move past them without deleting anything: one
/// line-protocol file per refused spool record in <c>deadletter/</c> inside the spool folder,
/// named after the segment and record (a replay repeated after a crash writes the same file
/// again), with InfluxDB's reasons as <c>#</c> comment lines. Once the cause is fixed an operator
/// can post a file as it is to <c>/write?precision=ms</c>: InfluxDB skips the comments, and
/// points it already has are overwritten with themselves.
/// </summary>
public sealed class SpoolDeadLetters
{
    public const string FolderName = "deadletter";

    public SpoolDeadLetters(string spoolDirectory)
    {
        Directory = Path.Combine(Path.GetFullPath(spoolDirectory), FolderName);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Stores the refused lines of one spool record, flushed to disk; returns the file.</summary>
    public string Keep(long segment, int record, IReadOnlyList<string> lines, IReadOnlyList<string> reasons, DateTimeOffset at)
    {
        var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{segment:D12}-{record:D6}.lp"));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# refused by InfluxDB on spool replay at {at:O}: segment {segment}, record {record}\n");
        foreach (var reason in reasons.Distinct())
            text.Append("# ").Append(OneLine(reason)).Append('\n');
        foreach (var line in lines)
            text.Append(line).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        AtomicFile.Write(path, file => file.Write(bytes));
        return path;
    }

    /// <summary>The dead-letter files, oldest first.</summary>
    public IReadOnlyList<string> Files() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.lp").Order(StringComparer.Ordinal)];

    private static string OneLine(string reason) => reason.Trim().ReplaceLineEndings(" ");
}
