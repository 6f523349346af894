using SmartPark.Bench.Measure;

namespace SmartPark.Bench.Scenarios;

/// <summary>
/// One full-path ramp step: the rate asked for, what the broker acknowledged (owed to InfluxDB),
/// what InfluxDB holds once Ingest is done, and how far behind Ingest was as the step ended.
/// </summary>
internal sealed record StepResult(
    int Batch,
    int Step,
    double TargetMessagesPerSecond,
    double AchievedMessagesPerSecond,
    long ReadingsAcked,
    long ReadingsStored,
    long PublishFailures,
    long BacklogAtEnd,
    TimeSpan Drain,
    IReadOnlyDictionary<string, ProcessUsage> Usage,
    TimeSpan MaxLag)
{
    public double AchievedReadingsPerSecond => AchievedMessagesPerSecond * Batch;

    /// <summary>Readings the broker acknowledged that InfluxDB does not hold.</summary>
    public long Lost => Math.Max(0, ReadingsAcked - ReadingsStored);

    /// <summary>The publishers got (nearly) the rate they asked for through the broker.</summary>
    public bool RateReached => AchievedMessagesPerSecond >= 0.95 * TargetMessagesPerSecond;

    /// <summary>Ingest was at most <see cref="MaxLag"/> of traffic behind as the step ended.</summary>
    public bool KeptUp => BacklogAtEnd <= AchievedReadingsPerSecond * MaxLag.TotalSeconds;

    public bool Passed => Lost == 0 && RateReached && KeptUp;

    public string Verdict => Lost > 0 ? $"LOST {Lost:N0}" : !RateReached ? "rate not reached" : !KeptUp ? "fell behind" : "ok";
}
