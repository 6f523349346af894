using System.Diagnostics.Metrics;

namespace SmartPark.Ingest.Notifications;

/// <summary>How a sink was registered: its short name, its /healthz entry, and how to make it.</summary>
public sealed record AlertSinkRegistration(string Name, string HealthCheckName, Func<IServiceProvider, IAlertSink> Create);

/// <summary>Every registered sink, in registration order, each with its channel; disposes the outboxes it opened.</summary>
public sealed class AlertSinks : IAsyncDisposable
{
    private readonly IReadOnlyList<SinkChannel> _channels;

    public AlertSinks(IEnumerable<AlertSinkRegistration> registrations, IServiceProvider services, IMeterFactory meters) =>
        _channels = [.. registrations.Select(r => new SinkChannel(r.Name, r.HealthCheckName, r.Create(services), meters))];

    public IReadOnlyList<SinkChannel> All => _channels;

    public IEnumerable<SinkChannel> Enabled => _channels.Where(c => c.Enabled);

    public SinkChannel this[string name] =>
        _channels.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No alert sink named '{name}' is registered");

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
            await channel.DisposeAsync().ConfigureAwait(false);
    }
}
