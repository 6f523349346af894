using Microsoft.AspNetCore.SignalR;
using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// The browser's live channel. A client joins a park's group and gets that park's snapshot in
/// the same call, so nothing published between "load page" and "subscribe" is missed.
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
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(park));
        return state.Snapshot(park);
    }

    public Task LeavePark(string park) =>
        Ids.IsValid(park) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(park)) : Task.CompletedTask;
}
