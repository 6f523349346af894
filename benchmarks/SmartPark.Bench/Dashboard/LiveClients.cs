using Microsoft.AspNetCore.SignalR.Client;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// Many signed-in browsers on the live hub, each in one park's group: every client signs in on
/// its own (its own cookie, as separate browsers would), connects over WebSockets, joins the park
/// and reports each <c>readings</c> message to the <see cref="DeliveryLedger"/>. Only the batch's
/// device, number and first timestamp are read from a message; the rest is skipped, so the bench
/// spends as little as it can of the CPU it shares with the Dashboard.
/// </summary>
internal sealed class LiveClients : IAsyncDisposable
{
    private readonly List<(SignedInClient Session, HubConnection Hub)> _clients = [];
    private long _tiles;
    private long _closed;
    private volatile bool _disposing;

    public int Count => _clients.Count;

    /// <summary>Coalesced tile updates received, summed over all clients.</summary>
    public long Tiles => Interlocked.Read(ref _tiles);

    /// <summary>Hub connections closed during the run (either side: keep-alive timeouts under load).</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public static async Task<LiveClients> ConnectAsync(Uri dashboard, string user, string password, string park, int count, DeliveryLedger ledger,
        Action<int> progress, CancellationToken cancellationToken)
    {
        var clients = new LiveClients();
        try
        {
            // A few at a time: each sign-in verifies a PBKDF2 hash on the Dashboard, on purpose slow.
            using var gate = new SemaphoreSlim(8);
            var connecting = Enumerable.Range(0, count).Select(async _ =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var client = await clients.ConnectOneAsync(dashboard, user, password, park, ledger, cancellationToken);
                    int connected;
                    lock (clients._clients)
                    {
                        clients._clients.Add(client);
                        connected = clients._clients.Count;
                    }
                    if (connected % 50 == 0)
                        progress(connected);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(connecting);
        }
        catch
        {
            await clients.DisposeAsync();
            throw;
        }
        return clients;
    }

    private async Task<(SignedInClient, HubConnection)> ConnectOneAsync(Uri dashboard, string user, string password, string park, DeliveryLedger ledger, CancellationToken cancellationToken)
    {
        var session = await SignedInClient.SignInAsync(dashboard, user, password, cancellationToken);
        var hub = session.Hub("hubs/live", Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets);
        try
        {
            hub.On<ReadingsReceipt>("readings", r => ledger.OnReceived(r.Device, r.Seq, r.PublishedAt));
            hub.On<object>("tiles", _ => Interlocked.Increment(ref _tiles));
            hub.On<object>("status", _ => { });
            hub.Closed += error =>
            {
                // The first reason is printed: under overload it tells a keep-alive timeout from a refusal.
                if (Interlocked.Increment(ref _closed) == 1 && !_disposing)
                    Console.WriteLine($"  a hub connection closed: {error?.Message ?? "by the server"}");
                return Task.CompletedTask;
            };
            await hub.StartAsync(cancellationToken);
            // The snapshot JoinPark answers with is not needed here: read it as raw JSON and drop it.
            await hub.InvokeAsync<System.Text.Json.JsonElement>("JoinPark", park, cancellationToken);
            return (session, hub);
        }
        catch
        {
            await hub.DisposeAsync();
            session.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        List<(SignedInClient Session, HubConnection Hub)> clients;
        lock (_clients)
            clients = [.. _clients];
        await Task.WhenAll(clients.Select(async c =>
        {
            try
            {
                await c.Hub.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // the Dashboard is going away with the bench anyway
            }
            c.Session.Dispose();
        }));
    }

    /// <summary>What the bench needs of a <c>readings</c> message: the batch, and its publish time from its first reading.</summary>
    private sealed record ReadingsReceipt(
        string Device,
        long Seq,
        [property: System.Text.Json.Serialization.JsonPropertyName("readings"), System.Text.Json.Serialization.JsonConverter(typeof(FirstReadingTimestamp))] DateTimeOffset PublishedAt);
}
