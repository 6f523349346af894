using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Uplink;

/// <summary>Section <c>Uplink</c>. Defaults follow HJ 212-2017; tests shorten the times.</summary>
public sealed class UplinkOptions
{
    public const string Section = "Uplink";

    /// <summary>The broker, with the uplink's service account (role <c>uplink</c>).</summary>
    [ValidateObjectMembers]
    public MqttEndpointOptions Broker { get; set; } = new() { ClientId = "smartpark-uplink" };

    /// <summary>Holds <c>uplink.db</c>: the backlog of periods not yet acknowledged and the settings hosts changed.</summary>
    public string StateDirectory { get; set; } = Path.Combine("data", "uplink");

    /// <summary>Real-time data interval of points whose registry entry gives none.</summary>
    [PositiveDuration]
    public TimeSpan RtdInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Minute-data interval in minutes of points whose registry entry gives none.</summary>
    [Range(1, 1440)]
    public int MinInterval { get; set; } = 10;

    /// <summary>Power in kW at or below which a treatment meter without its own <c>idleLoad</c> counts as not running
    /// (its facility's run state 0 in 2021, and no run time in 2041): a stopped fan or pump still draws
    /// control and standby power. ⚠️ Our choice, not a figure from a standard.</summary>
    [Range(0, 1_000_000)]
    public double DefaultIdleLoad { get; set; } = 0.5;

    /// <summary>The shortest real-time interval a host may set (the standard's 30 s; tests lower it).</summary>
    [PositiveDuration]
    public TimeSpan MinRtdInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a period ends it is reported: Ingest computes rollups 30 s (its grace) after a window ends.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often settled periods are looked for.</summary>
    [PositiveDuration]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back periods are looked for again (late readings, an outage of the uplink itself). At least 2 days, so yesterday's daily data is in reach.</summary>
    [PositiveDuration]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the whole lookback is searched; the other checks look only at the last few periods.</summary>
    [PositiveDuration]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When a point is first seen, report periods from this long before (0: from now on).</summary>
    public TimeSpan Backfill { get; set; } = TimeSpan.Zero;

    /// <summary>Offset of the wall-clock times on the wire (QN, DataTime): Beijing time.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Wait for a reply when Flag asks (HJ 212 Table 1: 10 s); a host may change it with 1000.</summary>
    [PositiveDuration]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Resends after the first try before the link counts as broken (Table 1: 3).</summary>
    [Range(0, 100)]
    public int Retries { get; set; } = 3;

    /// <summary>A host's set-time (1012) within this of our clock succeeds; further off, it fails with ExeRtn 3 (the server's clock is NTP's business).</summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(5);

    [PositiveDuration]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
    [PositiveDuration]
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
    [PositiveDuration]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest BeginTime–EndTime a host's history request (2051, 2061, 2031) may span; longer ones are refused (ExeRtn 3).</summary>
    public TimeSpan MaxHistorySpan { get; set; } = TimeSpan.FromDays(31);

    /// <summary>The most periods one history request is answered with (31 days of 10-minute data is 4,464).</summary>
    [Range(1, int.MaxValue)]
    public int MaxHistoryPeriods { get; set; } = 10_000;

    /// <summary>History requests a point starts in any hour; more are refused (QnRtn 2), and so is one while another runs.</summary>
    public int MaxHistoryRequestsPerHour { get; set; } = 20;

    /// <summary>Ask the platform for a time calibration (1013) after each connect.</summary>
    public bool TimeCalibrationOnConnect { get; set; }

    /// <summary>When set, every point reports to this platform instead of its registry one (demo, staging).</summary>
    [ValidateObjectMembers]
    public PlatformOverride Platform { get; set; } = new();
}

public sealed class PlatformOverride
{
    public string? Host { get; set; }
    [Range(0, 65535)]
    public int Port { get; set; }
}

/// <summary>Section <c>Uplink</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class UplinkOptionsValidator : IValidateOptions<UplinkOptions>;
