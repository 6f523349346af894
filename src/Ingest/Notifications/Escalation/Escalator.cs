using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications.Escalation;

/// <summary>
/// Escalation of unacknowledged alarms along the park's duty chain (<see cref="IDutyRoster.ChainAt"/>
/// at the moment the alarm was raised): the notifier tells level 0, the first person on duty; when
/// nobody acknowledged within <c>After:&lt;severity&gt;</c>, level 1 is told through every
/// people sink (email, SMS) that routes the alarm and reaches that person, then level 2 after as long
/// again, and so on to the park's manager, the last level. An acknowledgement or the close stops it.
///
/// State lives in <see cref="EscalationStore"/> (SQLite beside the outboxes), on the injected
/// <see cref="TimeProvider"/>. A step first stores its messages (each sink's outbox commits them,
/// fsynced) and then commits the move to the next level; a crash between the two repeats the step
/// after the restart with the same idempotency keys, which the outboxes ignore while the messages
/// wait, so no level is skipped and none is stored twice (a message already delivered in the
/// milliseconds between the two commits would go out once more: the outbox keeps no delivered keys;
/// an email then has the same Message-ID). Steps and acknowledgements are serialised,
/// so a step never tells anyone after the acknowledgement was seen.
/// </summary>
public sealed class Escalator : BackgroundService
{
    private readonly AlertSinks _sinks;
    private readonly AlertNotifier _notifier;
    private readonly IDutyRoster _roster;
    private readonly EscalationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Escalator> _logger;
    private readonly Lazy<EscalationStore> _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Counter<long> _steps;
    private readonly Counter<long> _stopped;

    public Escalator(AlertSinks sinks, AlertNotifier notifier, IDutyRoster roster, IOptions<EscalationOptions> options, TimeProvider time, IMeterFactory meters, ILogger<Escalator> logger)
    {
        _sinks = sinks;
        _notifier = notifier;
        _roster = roster;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _store = new Lazy<EscalationStore>(() => EscalationStore.Open(_options.Directory));
        var meter = meters.Create(IngestMetrics.MeterName);
        _steps = meter.CreateCounter<long>("smartpark.ingest.escalation.steps", description: "Escalation steps taken (a later person of the duty chain told), by level and severity");
        _stopped = meter.CreateCounter<long>("smartpark.ingest.escalation.stopped", description: "Escalations stopped by an acknowledgement or the close before reaching the manager");
    }

    /// <summary>The store, opened on first use (only when a people sink is enabled).</summary>
    public EscalationStore Store => _store.Value;

    /// <summary>Whether anything can escalate: some enabled sink addresses people.</summary>
    public bool Active => People.Any();

    private IEnumerable<SinkChannel> People => _sinks.Enabled.Where(c => c.Sink.Audience == SinkAudience.People);

    /// <summary>Starts the escalation of a newly raised alarm that escalates, or stops that of an acknowledged or closed one.</summary>
    public async Task ObserveAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!Active || transition.Reminder)
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var alert = transition.Alert;
            if (transition.To == AlertStates.Acknowledged || alert.AcknowledgedAt is not null || !AlertStates.IsOpen(transition.To))
            {
                if (await Store.StopAsync(transition.AlertId, cancellationToken).ConfigureAwait(false))
                {
                    _stopped.Add(1, new KeyValuePair<string, object?>("severity", alert.Severity));
                    _logger.LogInformation("Escalation of alert {AlertId} ({Rule}) stopped: {State}{By}", transition.AlertId, alert.Rule, transition.To, transition.By is null ? "" : $" by {transition.By}");
                }
                return;
            }
            // Only the first raise starts it: a return to active after clearing keeps the escalation
            // that is running (or that already reached the manager) as it is.
            if (transition.From is not null || transition.To != AlertStates.Active || _options.AfterFor(alert.Severity) is not { } after)
                return;
            if (!People.Any(c => c.Sink.Routes(transition)))
                return;
            var chain = _roster.ChainAt(alert.Park, alert.RaisedAt);
            if (chain.Count < 2)
            {
                _logger.LogInformation("Alert {AlertId} ({Rule}) cannot escalate: park {Park} has {Count} person(s) in its duty chain", transition.AlertId, alert.Rule, alert.Park, chain.Count);
                return;
            }
            var json = JsonSerializer.Serialize(transition, OutboxJsonContext.Default.AlertTransition);
            if (await Store.StartAsync(transition.AlertId, json, (transition.At + after).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false))
                _logger.LogInformation("Alert {AlertId} ({Rule}, {Severity}) escalates to {Next} if nobody acknowledges it within {After}", transition.AlertId, alert.Rule, alert.Severity, chain[1].Id, after);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes every step due now; returns how many.</summary>
    public async Task<int> StepDueAsync(CancellationToken cancellationToken)
    {
        if (!Active)
            return 0;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var taken = 0;
            foreach (var entry in await Store.DueAsync(now.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false))
            {
                if (await StepAsync(entry, now, cancellationToken).ConfigureAwait(false))
                    taken++;
            }
            return taken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> StepAsync(EscalationEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = JsonSerializer.Deserialize(entry.TransitionJson, OutboxJsonContext.Default.AlertTransition);
        var level = entry.NextLevel;
        if (raised is null || _options.AfterFor(raised.Alert.Severity) is not { } after)
        {
            // Unreadable, or the severity's escalation was turned off since: nothing more to do.
            await Store.FinishAsync(entry.AlertId, level, cancellationToken).ConfigureAwait(false);
            return false;
        }
        var alert = raised.Alert;
        var chain = _roster.ChainAt(alert.Park, alert.RaisedAt);
        if (level >= chain.Count)
        {
            _logger.LogWarning("Escalation of alert {AlertId} ends at level {Level}: park {Park}'s duty chain now has only {Count} people", entry.AlertId, level, alert.Park, chain.Count);
            await Store.FinishAsync(entry.AlertId, level, cancellationToken).ConfigureAwait(false);
            return false;
        }
        var person = chain[level];
        var told = new List<string>();
        foreach (var channel in People)
        {
            if (!channel.Sink.Routes(raised) || !channel.Sink.Reaches(person))
                continue;
            // The transition as of now, so the message says when it was sent; its key is the raise's.
            await _notifier.StoreAsync(channel, new AlertNotice(raised with { At = now }, Recipient: person, Level: level), trackReminders: false, cancellationToken).ConfigureAwait(false);
            told.Add(channel.Name);
        }
        _steps.Add(1, new KeyValuePair<string, object?>("level", level), new KeyValuePair<string, object?>("severity", alert.Severity), new KeyValuePair<string, object?>("manager", person.Manager));
        if (told.Count == 0)
            _logger.LogWarning("Alert {AlertId} ({Rule}) unacknowledged: level {Level} is {Person}, whom no enabled channel reaches (no email or phone for it); passing on", entry.AlertId, alert.Rule, level, person.Id);
        else
            _logger.LogWarning("Alert {AlertId} ({Rule}, {Severity}) unacknowledged: escalated to level {Level}, {Person}{Manager}, by {Channels}", entry.AlertId, alert.Rule, alert.Severity, level, person.Id, person.Manager ? " (the park's manager)" : "", string.Join(", ", told));
        if (level + 1 < chain.Count)
            await Store.AdvanceAsync(entry.AlertId, level, (now + after).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        else
            await Store.FinishAsync(entry.AlertId, level, cancellationToken).ConfigureAwait(false);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Active)
        {
            _logger.LogInformation("Escalation off: no channel that addresses people (email, SMS) is enabled");
            return;
        }
        using var timer = new PeriodicTimer(_options.CheckInterval, _time);
        try
        {
            do
            {
                try
                {
                    await StepDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    _logger.LogError(ex, "Escalation steps could not be stored; trying again at the next check");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        if (_store.IsValueCreated)
            _store.Value.Dispose();
        _gate.Dispose();
        base.Dispose();
    }
}
