namespace SmartPark.Dashboard.Live;

/// <summary>The latest value of one sensor quantity, as the browser shows it.</summary>
public sealed record ReadingView(string Sensor, string Quantity, double Value, string Unit, DateTimeOffset Ts, string Flag);

/// <summary>One device as the browser shows it: where it is, whether it is online, its latest readings.</summary>
public sealed record DeviceView(
    string Park,
    string Enterprise,
    string Device,
    string State,
    DateTimeOffset? StateAt,
    DateTimeOffset? LastSeen,
    long? LastSeq,
    IReadOnlyList<ReadingView> Readings);

/// <summary>Pushed to a park's group for every accepted batch.</summary>
public sealed record ReadingsUpdate(string Park, string Enterprise, string Device, long Seq, DateTimeOffset ReceivedAt, IReadOnlyList<ReadingView> Readings);

/// <summary>Pushed to a park's group when a device comes or goes.</summary>
public sealed record StatusUpdate(string Park, string Enterprise, string Device, string State, DateTimeOffset At, string? Reason);

public sealed record ParkSnapshot(string Park, IReadOnlyList<DeviceView> Devices);
