using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>What an agent published, as the collector caught it: telemetry batches, their
/// readings, and device statuses (an empty payload, a cleared retained status, is skipped).</summary>
internal static class AgentTraffic
{
    public static IReadOnlyList<TelemetryBatch> Batches(MqttCollector collector) =>
        collector.Messages
            .Where(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal))
            .Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.TelemetryBatch)!)
            .ToList();

    public static IReadOnlyList<Reading> Readings(MqttCollector collector) =>
        Batches(collector).SelectMany(b => b.Readings!).ToList();

    public static IReadOnlyList<DeviceStatus> Statuses(MqttCollector collector) =>
        collector.Messages
            .Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Payload.Length > 0)
            .Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.DeviceStatus)!)
            .ToList();
}
