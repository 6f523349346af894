using System.Globalization;

namespace SmartPark.Bench.Measure;

/// <summary>
/// One reading of a process's CPU time and resident memory from <c>/proc/PID/stat</c> (utime and
/// stime, in clock ticks) and <c>/proc/PID/status</c> (VmRSS). Null once the process is gone.
/// </summary>
internal readonly record struct ProcessSample(long CpuTicks, long RssBytes, long TakenAt)
{
    /// <summary>USER_HZ: the unit of /proc times. 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).</summary>
    public const double TicksPerSecond = 100;

    public static ProcessSample? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                    break;
                }
            }
            return new ProcessSample(ticks, rss, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CPU use between two samples, in percent of one core (200% = both of two cores).</summary>
    public static double CpuPercent(ProcessSample from, ProcessSample to)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(from.TakenAt, to.TakenAt).TotalSeconds;
        return seconds <= 0 ? 0 : (to.CpuTicks - from.CpuTicks) / TicksPerSecond / seconds * 100;
    }
}
