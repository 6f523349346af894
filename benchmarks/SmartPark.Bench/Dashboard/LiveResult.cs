using SmartPark.Bench.Measure;

namespace SmartPark.Bench.Dashboard;

/// <summary>What the live part measured: delivery to every client, delays, and what it cost.</summary>
internal sealed record LiveResult(
    int Clients,
    TimeSpan SignInTime,
    double AskedReadingsPerSecond,
    double AckedReadingsPerSecond,
    int ReadingsPerMessage,
    long BatchesPublished,
    long PublishesFailed,
    long ReceiptsExpected,
    long Receipts,
    long BatchesToAll,
    long BatchesToNone,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double SteadyP50Ms,
    double SteadyP99Ms,
    TimeSpan Held,
    TimeSpan Drain,
    double ReceiptsPerSecond,
    double TileUpdatesPerClientPerSecond,
    long ConnectionsClosed,
    IReadOnlyDictionary<string, ProcessUsage> Usage);
