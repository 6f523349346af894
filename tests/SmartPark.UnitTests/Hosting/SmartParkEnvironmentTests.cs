using System.Collections;
using Microsoft.Extensions.Configuration;
using SmartPark.Platform.Hosting;

namespace SmartPark.UnitTests.Hosting;

public sealed class SmartParkEnvironmentTests : IDisposable
{
    // Names only this test sets, so tests running beside it see nothing of them.
    private const string Key = "SmartParkEnvironmentTests";

    public void Dispose()
    {
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Url", null);
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Both", null);
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Mid", null);
    }

    [Fact]
    public void Prefixed_variables_are_read_and_the_command_line_wins_over_them()
    {
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Url", "http://from-the-environment/");
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Both", "environment");
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Mid", "environment");
        var configuration = new ConfigurationManager();
        // As the generic and web hosts build it: the host's command line, then the app's sources, the app's command line last.
        configuration.AddCommandLine([]);
        configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{Key}:Both", "appsettings"), KeyValuePair.Create<string, string?>($"{Key}:Mid", "appsettings")]);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([$"--{Key}:Both=command-line"]);

        configuration.AddSmartParkEnvironment();

        Assert.Equal("http://from-the-environment/", configuration[$"{Key}:Url"]);
        Assert.Equal("command-line", configuration[$"{Key}:Both"]);
        Assert.Equal("environment", configuration[$"{Key}:Mid"]);
    }

    [Fact]
    public void The_prefixed_environment_wins_over_what_came_before_it()
    {
        Environment.SetEnvironmentVariable($"SMARTPARK_{Key}__Both", "environment");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{Key}:Both", "appsettings")]);

        configuration.AddSmartParkEnvironment();

        Assert.Equal("environment", configuration[$"{Key}:Both"]);
    }

    [Fact]
    public void Old_agent_variables_are_found_and_the_warning_names_each_new_one()
    {
        var environment = new Hashtable
        {
            ["Agent__Broker__Password"] = "x",
            ["Agent__Device"] = "d1",
            ["SMARTPARK_Agent__Park"] = "p1",
            ["PATH"] = "/usr/bin",
        };

        var legacy = LegacyAgentEnvironment.Find(environment);
        var warning = LegacyAgentEnvironment.WarningFor(legacy);

        Assert.Equal(["Agent__Broker__Password", "Agent__Device"], legacy);
        Assert.NotNull(warning);
        Assert.Contains("Agent__Broker__Password (rename it SMARTPARK_Agent__Broker__Password)", warning, StringComparison.Ordinal);
        Assert.Contains("Agent__Device (rename it SMARTPARK_Agent__Device)", warning, StringComparison.Ordinal);
        Assert.Null(LegacyAgentEnvironment.WarningFor([]));
    }
}
