using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;

namespace SmartPark.Ingest.Alerts;

/// <summary>Section <c>Alerts</c> (the rules themselves: <c>Alerts:Rules</c>, see RuleBook).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public bool Enabled { get; set; } = true;

    /// <summary>Where open alerts and rule state are kept across restarts.</summary>
    public string StateDirectory { get; set; } = Path.Combine("data", "alerts");

    /// <summary>How often time-driven rules (windows, absence, hold-offs) are evaluated.</summary>
    [PositiveDuration]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rule state is saved at least this often while it changes (and at once on every transition).</summary>
    [PositiveDuration]
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An open alert's retained document is refreshed (peak, count) at most this often.</summary>
    [PositiveDuration]
    public TimeSpan DocumentRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>While batches arrive back to back, the engine gathers them for this long before
    /// waking, instead of waking (a thread switch) for every message; a batch after a quiet spell
    /// is evaluated at once. It is the most a fire alarm can wait for evaluation under load.</summary>
    public TimeSpan CoalesceInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Readings waiting for evaluation, at most; past this the consumer waits.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueuedBatches { get; set; } = 50_000;
}

/// <summary>Section <c>Alerts</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>;
