using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPark.BureauPlatform;
using SmartPark.Dashboard;
using SmartPark.Ingest;
using SmartPark.Platform.Hosting;
using SmartPark.Uplink;

namespace SmartPark.UnitTests.Hosting;

/// <summary>The port table has no clash, and every service's default address comes from it.</summary>
public sealed class DefaultPortsTests
{
    [Fact]
    public void No_two_entries_share_a_port()
    {
        var clashes = DefaultPorts.All.GroupBy(p => p.Port).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Name))}").ToList();
        Assert.Empty(clashes);
        Assert.Equal(DefaultPorts.All.Count, DefaultPorts.All.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void Every_service_has_its_own_http_port_in_the_table()
    {
        var ports = Enum.GetValues<ServiceName>().Select(DefaultPorts.HttpPortOf).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.Contains(DefaultPorts.All, p => p.Port == port));
    }

    public static TheoryData<ServiceName> WebServices => [ServiceName.Ingest, ServiceName.Dashboard, ServiceName.Uplink, ServiceName.BureauPlatform];

    [Theory]
    [MemberData(nameof(WebServices))]
    public async Task Each_web_service_listens_on_its_table_port_when_Urls_is_unset(ServiceName service)
    {
        await using var app = service switch
        {
            ServiceName.Ingest => IngestApp.Build([]),
            ServiceName.Dashboard => DashboardApp.Build([]),
            ServiceName.Uplink => UplinkApp.Build([]),
            ServiceName.BureauPlatform => BureauPlatformApp.Build([]),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
        Assert.Equal(DefaultPorts.DefaultUrlOf(service), app.Configuration["urls"]);
    }

    [Fact]
    public async Task The_agent_serves_health_on_its_table_port_when_Urls_is_unset()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.AddSmartParkAgentHost();
        using var host = builder.Build();
        var listener = host.Services.GetServices<IHostedService>().OfType<HealthListener>().Single();
        Assert.Equal([$"http://127.0.0.1:{DefaultPorts.EdgeAgent}/"], listener.Prefixes);
        await Task.CompletedTask;
    }

    /// <summary>A port of the table written as a number anywhere else in the code is a second place for it.</summary>
    [Fact]
    public void No_code_outside_the_table_spells_one_of_its_ports()
    {
        var root = RepositoryRoot();
        var table = Path.Combine(root, "src", "Platform", "Hosting", "DefaultPorts.cs");
        var numbers = string.Join("|", DefaultPorts.All.Select(p => p.Port));
        var literal = new Regex($@"(?<![\w.:-])({numbers})(?![\w.])");
        // The services and the bureau platform; the park simulator's command-line defaults point at a broker of the table too, but are a client's.
        var found = new[] { "src", Path.Combine("simulators", "BureauPlatform") }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => f != table && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && literal.IsMatch(CodeOf(x.line)))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(found);
    }

    /// <summary>The line without its strings' usage text and trailing comment is still code; doc comments are skipped above.</summary>
    private static string CodeOf(string line) => line.Contains("///", StringComparison.Ordinal) ? "" : line;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPark.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("SmartPark.sln not found");
    }
}
