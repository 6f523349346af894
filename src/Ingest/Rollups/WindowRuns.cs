namespace SmartPark.Ingest.Rollups;

/// <summary>Splits due windows of one measurement and period into runs one query can cover.</summary>
public static class WindowRuns
{
    /// <summary>Sorted windows in runs at most <paramref name="maxWindows"/> windows long, so a replay
    /// of old data far apart is not read as one huge span.</summary>
    public static IEnumerable<(RollupWindow Window, long Generation)[]> Split(IEnumerable<(RollupWindow Window, long Generation)> sorted, long lengthMs, int maxWindows)
    {
        var span = lengthMs * maxWindows;
        var run = new List<(RollupWindow Window, long Generation)>();
        foreach (var item in sorted)
        {
            if (run.Count > 0 && item.Window.StartMs - run[0].Window.StartMs >= span)
            {
                yield return [.. run];
                run.Clear();
            }
            run.Add(item);
        }
        if (run.Count > 0)
            yield return [.. run];
    }
}
