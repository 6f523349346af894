using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Platform.Hosting;

/// <summary>What <c>/healthz</c> answers, the same from Kestrel and from <see cref="HealthListener"/>.</summary>
public sealed record HealthBody(string Status, IReadOnlyDictionary<string, HealthEntry> Checks)
{
    public const string ContentType = "application/json; charset=utf-8";

    public static HealthBody From(HealthReport report) => new(
        report.Status.ToString(),
        report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description)));

    /// <summary>ASP.NET Core's mapping: degraded still serves (200), unhealthy does not (503).</summary>
    public static int StatusCodeOf(HealthStatus status) => status == HealthStatus.Unhealthy ? 503 : 200;
}

public sealed record HealthEntry(string Status, string? Description);
