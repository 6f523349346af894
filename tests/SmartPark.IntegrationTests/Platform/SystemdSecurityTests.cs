using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPark.IntegrationTests.Platform;

/// <summary>
/// Runs systemd's own judge, <c>systemd-analyze security --offline</c>, over every unit under
/// deploy/ and holds each to the exposure recorded in its README and docs/security.md, so a
/// loosened directive fails here rather than on a server.
/// </summary>
public sealed partial class SystemdSecurityTests
{
    /// <summary>Recorded with systemd 252 (Debian 12); lower is better, 10 is unprotected.</summary>
    private static readonly Dictionary<string, double> Recorded = new(StringComparer.Ordinal)
    {
        ["smartpark-ingest.service"] = 1.4,
        ["smartpark-dashboard.service"] = 1.4,
        ["smartpark-uplink.service"] = 1.4,
        ["smartpark-edgeagent.service"] = 3.5,
    };

    public static TheoryData<string> Units()
    {
        var data = new TheoryData<string>();
        foreach (var unit in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "deploy"), "*.service", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, unit));
        return data;
    }

    [Theory]
    [MemberData(nameof(Units))]
    public async Task Each_unit_is_no_more_exposed_than_recorded(string unit)
    {
        var name = Path.GetFileName(unit);
        Assert.True(Recorded.TryGetValue(name, out var recorded), $"{name}: record its systemd-analyze security figure here and in docs/security.md");
        var start = new ProcessStartInfo("systemd-analyze", ["security", "--offline=true", "--no-pager", Path.Combine(RepositoryPaths.Root, unit)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("systemd-analyze did not start (./smartpark installs systemd)");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var overall = OverallExposure().Match(output);
        Assert.True(overall.Success, $"no overall exposure in systemd-analyze's output: {output} {errors}");
        var exposure = double.Parse(overall.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= recorded, $"{name}: exposure {exposure} is above the recorded {recorded}:\n{output}");
    }

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex OverallExposure();
}
