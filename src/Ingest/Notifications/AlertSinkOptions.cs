namespace SmartPark.Ingest.Notifications;

/// <summary>
/// What every sink's configuration section has besides its own address and credentials: where
/// its outbox lives, how failed sends back off, how many messages it may send per window, and
/// reminders. Defaults suit a webhook; a sink's options class sets its own in its constructor.
/// </summary>
public abstract class AlertSinkOptions
{
    /// <summary>The sink's name in logs and start-up errors, e.g. "Bureau webhook".</summary>
    public abstract string Title { get; }

    /// <summary>Whether the sink is configured at all; a disabled sink stores and sends nothing.</summary>
    public abstract bool Enabled { get; }

    /// <summary>Why an enabled sink cannot send, or null when it can. Checked at start
    /// (<c>ValidateOnStart</c>): Ingest refuses to start with the reason.</summary>
    public abstract string? Problem();

    /// <summary>Where the outbox (SQLite, WAL, synchronous=FULL) lives.</summary>
    public string OutboxDirectory { get; set; } = "data";

    /// <summary>Reminder for an alert still unacknowledged after this long, and again every this
    /// long until someone acknowledges it or it closes. Zero (the default) turns reminders off.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; doubles per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of each delay drawn at random (0..1), so many alerts failing together do not
    /// hit a recovering receiver in lockstep.</summary>
    public double Jitter { get; set; } = 0.5;

    /// <summary>One send gives up after this long and counts as a failed attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Alerts delivered at the same time, at most (each alert's own messages go one at a time).</summary>
    public int MaxParallelAlerts { get; set; } = 8;

    /// <summary>Sends (attempts, retries included) allowed per <see cref="RateWindow"/>; 0 is no limit.
    /// Beyond it messages wait in the outbox, so a storm of alarms is not a storm of messages.</summary>
    public int RateLimit { get; set; }

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);
}
