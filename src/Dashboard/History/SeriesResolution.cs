namespace SmartPark.Dashboard.History;

/// <summary>
/// Which measurement a range is read from. Up to 6 h: raw points. Longer: Ingest's rollups, the
/// 1-minute ones up to 3 days (at most 4 320 points a series), then the 1-hour ones — so a chart
/// of a month reads hundreds of points, not millions.
/// </summary>
public static class SeriesResolution
{
    public static readonly TimeSpan RawUpTo = TimeSpan.FromHours(6);
    public static readonly TimeSpan MinuteUpTo = TimeSpan.FromDays(3);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public const string Raw = "raw";
    public const string Minute = "1m";
    public const string Hour = "1h";

    public static string For(TimeSpan range) =>
        range <= RawUpTo ? Raw : range <= MinuteUpTo ? Minute : Hour;

    /// <summary>The measurement holding a quantity at a resolution (<c>nmhc</c>, <c>nmhc_1m</c>, <c>nmhc_1h</c>).</summary>
    public static string Measurement(string quantity, string resolution) =>
        resolution == Raw ? quantity : quantity + "_" + resolution;
}
