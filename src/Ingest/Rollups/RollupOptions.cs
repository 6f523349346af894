using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;

namespace SmartPark.Ingest.Rollups;

/// <summary>Section <c>Rollups</c>.</summary>
public sealed class RollupOptions
{
    public const string Section = "Rollups";

    /// <summary>How long after a window's end readings may still arrive before it is computed.
    /// Readings later than this recompute the window again, so the grace trades latency for
    /// fewer rewrites, never correctness.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often due windows are looked for.</summary>
    [PositiveDuration]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the windows still to compute are kept, so a crash does not forget them.</summary>
    public string StateDirectory { get; set; } = Path.Combine("data", "rollups");

    /// <summary>Windows of one measurement computed by one query, at most.</summary>
    [Range(1, int.MaxValue)]
    public int MaxWindowsPerQuery { get; set; } = 720;
}

/// <summary>Section <c>Rollups</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class RollupOptionsValidator : IValidateOptions<RollupOptions>;
