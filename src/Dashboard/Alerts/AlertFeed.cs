using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Live;
using SmartPark.Dashboard.Overview;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// Takes each alert message from MQTT into the <see cref="AlertBook"/> and pushes it to the
/// browsers at once (no coalescing: every transition matters and they are rare).
/// </summary>
public sealed class AlertFeed(AlertBook book, DirtyTiles tiles, IHubContext<LiveHub> hub, ILogger<AlertFeed> logger)
{
    public async Task OnMessageAsync(string park, string alertId, ReadOnlyMemory<byte> payload)
    {
        AlertDocument? document = null;
        if (payload.Length > 0)
        {
            document = JsonSerializer.Deserialize(payload.Span, ContractsJsonContext.Default.AlertDocument);
            if (document is null || document.Park != park || document.AlertId != alertId)
            {
                logger.LogWarning("Ignored alert document on {Park}/{AlertId}: its body names another alert", park, alertId);
                return;
            }
        }
        var previous = book.TryGet(park, alertId, out var known) ? known : null;
        if (!book.Apply(park, alertId, document))
            return;
        // Apply changed something, so a removed alert was known: its last document says who hears of it.
        var alert = document ?? previous!;
        var groups = AlertGroups.For(alert);
        if (alert.Enterprise is { } enterprise)
            tiles.Mark(park, enterprise);
        await hub.Clients.Groups(groups).SendAsync("alert", new AlertUpdate(park, alertId, document));
    }
}
