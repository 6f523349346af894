namespace SmartPark.Bench.Dashboard;

/// <summary>One history request timed repeatedly: what it asked, what resolution the Dashboard chose, how long it took.</summary>
internal sealed record HistoryTiming(string Range, string Format, string Resolution, int Points, long Bytes, int Requests, double P50Ms, double P99Ms, double MaxMs);
