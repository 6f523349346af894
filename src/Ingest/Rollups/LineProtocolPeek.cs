namespace SmartPark.Ingest.Rollups;

/// <summary>
/// Reads the measurement and the millisecond timestamp of a line-protocol line that Ingest itself
/// wrote (see <c>PointMapper</c>), without parsing the rest: enough to know which rollup windows
/// a stored point touches, and cheap enough to run on every point.
/// </summary>
public static class LineProtocolPeek
{
    public static bool TryRead(string line, out string measurement, out long timestampMs)
    {
        measurement = "";
        timestampMs = 0;
        var end = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++; // an escaped character is part of the name
                continue;
            }
            if (c is ',' or ' ')
            {
                end = i;
                break;
            }
        }
        var lastSpace = line.LastIndexOf(' ');
        if (end <= 0 || lastSpace <= end || !long.TryParse(line.AsSpan(lastSpace + 1), out timestampMs))
            return false;
        measurement = line[..end].Replace("\\", "", StringComparison.Ordinal);
        return true;
    }
}
