namespace SmartPark.Uplink.Storage;

/// <summary>One period's data upload (2051, 2061, 2031) waiting in the backlog or already acknowledged.</summary>
public sealed record UplinkRecord(long Id, string Mn, string Cn, long StartMs, long EndMs, string DataTime, string Qn, string Cp, int Attempts);
