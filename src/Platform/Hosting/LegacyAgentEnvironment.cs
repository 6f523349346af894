using System.Collections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// The edge agent's settings used to come from unprefixed variables (<c>Agent__Broker__Password</c>
/// in <c>/etc/smartpark/agent.env</c>). The host still reads them, so an installed device keeps
/// working; this says once at start which ones are set and what each is called now
/// (<c>SMARTPARK_Agent__Broker__Password</c>), which wins when both are set.
/// </summary>
public sealed class LegacyAgentEnvironment(IReadOnlyList<string> variables, ILogger<LegacyAgentEnvironment> logger) : IHostedService
{
    public IReadOnlyList<string> Variables { get; } = variables;

    /// <summary>The <see cref="SmartParkEnvironment.LegacyAgentPrefix"/> variables in <paramref name="environment"/>, sorted.</summary>
    public static IReadOnlyList<string> Find(IDictionary environment) =>
        environment.Keys.Cast<string>()
            .Where(k => k.StartsWith(SmartParkEnvironment.LegacyAgentPrefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The one warning, or null when no old variable is set.</summary>
    public static string? WarningFor(IReadOnlyList<string> variables) =>
        variables.Count == 0
            ? null
            : "Deprecated environment variables: " +
              string.Join(", ", variables.Select(v => $"{v} (rename it {SmartParkEnvironment.PrefixedNameOf(v)})")) +
              "; they are still read, but the SMARTPARK_ form wins and the old one will stop working.";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (WarningFor(Variables) is { } warning)
            logger.LogWarning("{Warning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
