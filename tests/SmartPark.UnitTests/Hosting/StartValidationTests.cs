using Microsoft.Extensions.Options;
using SmartPark.Dashboard;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Ingest;
using SmartPark.Uplink;

namespace SmartPark.UnitTests.Hosting;

/// <summary>
/// A bad setting stops a service at start, before it opens a port or a file, with a message that
/// names the section and the key. The start is refused in options validation, so no server is needed.
/// </summary>
public sealed class StartValidationTests
{
    public static TheoryData<string, string, string[]> BadSettings => new()
    {
        { "ingest", "FlushInterval", ["--Ingest:FlushInterval=00:00:00"] },
        { "ingest", "MaxBatchPoints", ["--Ingest:MaxBatchPoints=0"] },
        { "ingest", "Port", ["--Ingest:Broker:Port=70000"] },
        { "ingest", "Port", ["--EmbeddedBroker:Port=0"] },
        { "ingest", "CheckInterval", ["--Rollups:CheckInterval=-00:00:01"] },
        { "ingest", "TickInterval", ["--Alerts:TickInterval=00:00:00"] },
        { "ingest", "Database", ["--Influx:Database="] },
        { "dashboard", "TileInterval", ["--Dashboard:TileInterval=00:00:00"] },
        { "dashboard", "Host", ["--Dashboard:Broker:Host="] },
        { "dashboard", "Timeout", ["--Influx:Timeout=00:00:00"] },
        { "uplink", "CheckInterval", ["--Uplink:CheckInterval=00:00:00"] },
        { "uplink", "ConnectTimeoutSeconds", ["--Uplink:Broker:ConnectTimeoutSeconds=0"] },
        { "uplink", "Port", ["--Uplink:Platform:Port=-1"] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_value_stops_the_service_at_start_naming_its_key(string service, string key, string[] args)
    {
        var section = args[0][2..args[0].IndexOf(':', StringComparison.Ordinal)];
        var dir = Directory.CreateTempSubdirectory("smartpark-start-validation-").FullName;
        try
        {
            string[] all = [$"--Urls=http://127.0.0.1:0", $"--Ingest:SpoolDirectory={dir}/spool", $"--Rollups:StateDirectory={dir}/rollups",
                $"--Alerts:StateDirectory={dir}/alerts", $"--Uplink:StateDirectory={dir}/uplink", "--Logging:LogLevel:Default=None", .. args];
            await using var app = service switch
            {
                "ingest" => IngestApp.Build(all),
                "dashboard" => DashboardApp.Build(all),
                "uplink" => UplinkApp.Build(all),
                _ => throw new ArgumentOutOfRangeException(nameof(service)),
            };

            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains(refused.Failures, f => f.StartsWith(section + ":", StringComparison.Ordinal) && f.Contains(key, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_agent_section_is_checked_one_way_with_every_problem_named()
    {
        var options = new AgentOptions
        {
            Park = "p1",
            Enterprise = "e1",
            Device = "d1",
            Sensors = [new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = 50 }],
            Broker = new() { Port = 0 },
        };

        var result = new AgentOptionsValidator().Validate(null, options);
        var thrown = Assert.Throws<OptionsValidationException>(() => AgentOptionsValidator.ThrowIfInvalid(options));

        Assert.True(result.Failed);
        Assert.Contains("Agent:Sensors:0:IntervalMs 50 is below 100", result.Failures!);
        Assert.Contains(result.Failures!, f => f.Contains("Port", StringComparison.Ordinal));
        Assert.Equal(result.Failures, thrown.Failures);
    }

    [Fact]
    public void A_good_agent_section_passes()
    {
        var options = new AgentOptions
        {
            Park = "p1",
            Enterprise = "e1",
            Device = "d1",
            Sensors = [new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = 1000 }],
        };

        Assert.False(new AgentOptionsValidator().Validate(null, options).Failed);
    }
}
