using Microsoft.AspNetCore.SignalR;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Safety;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// The browser's live channel. A client joins a park's group and gets that park's snapshot in
/// the same call, so nothing published between "load page" and "subscribe" is missed.
/// The hub needs a signed-in user (the fallback policy); groups are checked with <see cref="ParkAccess"/>.
/// Server → client messages: <c>readings</c> (<see cref="ReadingsUpdate"/>) and <c>status</c> (<see cref="StatusUpdate"/>).
/// </summary>
public sealed class LiveHub(LiveState state) : Hub
{
    public const string Path = "/hubs/live";

    public static string GroupOf(string park) => "park:" + park;

    public async Task<ParkSnapshot> JoinPark(string park)
    {
        if (!Ids.IsValid(park))
            throw new HubException($"'{park}' is not a park id");
        // The same rule as the pages and APIs: an operator of park A never joins park B's group.
        if (Context.User?.CanSee(park) != true)
            throw new HubException($"forbidden: you may not see park '{park}'");
        // A park's live readings are every reading of it (emissions, energy): not the safety authorities'.
        if (Context.User.IsSafety())
            throw new HubException($"forbidden: the safety role follows alarms, not park '{park}''s live readings");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(park));
        return state.Snapshot(park);
    }

    /// <summary>Joins the alert groups of every park the user may see (bureau officers: emission alerts only).</summary>
    public async Task JoinAlerts()
    {
        foreach (var group in AlertGroups.Of(Context.User!))
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    public Task LeavePark(string park) =>
        Ids.IsValid(park) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(park)) : Task.CompletedTask;
}
