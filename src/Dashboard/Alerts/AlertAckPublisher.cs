using System.Security.Claims;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// Publishes a person's acknowledgement on <c>smartpark/v1/{park}/alerts/{id}/ack</c>; Ingest owns
/// the lifecycle and answers with the updated retained document, which reaches the browsers like
/// any other transition. The name is the signed-in user's, never one the browser sends.
/// </summary>
public sealed class AlertAckPublisher(TelemetryListener listener, TimeProvider time, ILogger<AlertAckPublisher> logger)
{
    public async Task<bool> PublishAsync(ClaimsPrincipal user, string park, string alertId, string? comment, CancellationToken cancellationToken)
    {
        var by = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
        // A bureau officer's "acknowledge" is a receipt: the bureau has seen it; the park handles it.
        var receipt = user.IsInRole(Auth.DashboardRoles.Bureau);
        var ack = new AlertAck { By = by, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), At = time.GetUtcNow(), Receipt = receipt };
        if (listener.Connection is not { IsUp: true } mqtt)
            return false;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.AlertAck(park, alertId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(ack, ContractsJsonContext.Default.AlertAck))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        var sent = await mqtt.PublishAsync(message, cancellationToken);
        logger.LogInformation("Alert {Park}/{AlertId} {Action} by {User}: {Outcome}", park, alertId, receipt ? "receipt acknowledged" : "acknowledged", by, sent ? "published" : "not published");
        return sent;
    }
}
