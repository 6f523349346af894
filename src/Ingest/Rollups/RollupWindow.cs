namespace SmartPark.Ingest.Rollups;

/// <summary>One window of one raw measurement that needs its rollup (re)computed.</summary>
public readonly record struct RollupWindow(string Measurement, string Period, long StartMs)
{
    public override string ToString() =>
        $"{Measurement} {Period} @ {DateTimeOffset.FromUnixTimeMilliseconds(StartMs):yyyy-MM-ddTHH:mm:ssZ}";
}
