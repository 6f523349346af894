using SmartPark.Bench.Measure;

namespace SmartPark.Bench.Scenarios;

/// <summary>A measured ceiling: its rate, what was sent and counted, and the processes' CPU and memory meanwhile.</summary>
internal sealed record PhaseResult(string Name, double Rate, long Sent, long Counted, IReadOnlyDictionary<string, ProcessUsage> Usage);
