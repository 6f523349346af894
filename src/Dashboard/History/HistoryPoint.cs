namespace SmartPark.Dashboard.History;

public sealed record HistoryPoint(DateTimeOffset Ts, string Sensor, double Value, string Flag);

public sealed record HistoryResponse(string Park, string Enterprise, string Device, string Quantity, string Unit, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HistoryPoint> Points);
