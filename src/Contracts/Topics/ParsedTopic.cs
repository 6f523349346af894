namespace SmartPark.Contracts.Topics;

/// <summary>A SmartPark topic taken apart. <see cref="Device"/> is set for device topics,
/// <see cref="AlertId"/> for alert topics; <see cref="Park"/> always.</summary>
public sealed record ParsedTopic(TopicKind Kind, string Park, DeviceAddress? Device = null, string? AlertId = null);
