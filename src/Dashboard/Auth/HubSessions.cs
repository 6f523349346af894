using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Hub connections outlive the request that opened them, so the cookie check alone would let a
/// removed user keep receiving a park's live data. This filter checks the session on each hub
/// invoke (refused and the connection closed when it no longer matches the users file) and keeps
/// the open connections for <see cref="HubSessionSweeper"/>. A user whose role or parks changed
/// is closed too: their connection's claims are stale, and the client's reconnect carries fresh ones.
/// </summary>
public sealed class HubSessions(SessionEnforcer enforcer) : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!IsCurrent(invocationContext.Context))
        {
            invocationContext.Context.Abort();
            throw new HubException("session ended: sign in again");
        }
        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Closes every open connection whose session no longer matches; returns how many.</summary>
    public int CloseStale()
    {
        var closed = 0;
        foreach (var connection in _open.Values)
        {
            if (IsCurrent(connection))
                continue;
            connection.Abort();
            _open.TryRemove(connection.ConnectionId, out _);
            closed++;
        }
        return closed;
    }

    private bool IsCurrent(HubCallerContext connection) =>
        connection.User is { } user && enforcer.Check(user, "hub").IsCurrent;
}

/// <summary>Checks open hub connections every <see cref="WebSecurityOptions.HubSessionRecheck"/>, so a removed user's live view stops within it.</summary>
public sealed class HubSessionSweeper(HubSessions sessions, IOptions<WebSecurityOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HubSessionRecheck, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                sessions.CloseStale();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
