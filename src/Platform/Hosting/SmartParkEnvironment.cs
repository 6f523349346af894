using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// Where every service, the edge agent included, reads its environment: variables prefixed
/// <c>SMARTPARK_</c>, <c>__</c> for <c>:</c> (<c>SMARTPARK_Influx__Url</c> is <c>Influx:Url</c>).
/// </summary>
public static class SmartParkEnvironment
{
    public const string Prefix = "SMARTPARK_";

    /// <summary>The edge agent's variables before it took <see cref="Prefix"/> (<c>Agent__Broker__Password</c>);
    /// still read, with a warning at start (<see cref="LegacyAgentEnvironment"/>).</summary>
    public const string LegacyAgentPrefix = "Agent__";

    /// <summary>
    /// Adds the <see cref="Prefix"/>ed environment just below the command line, so an argument
    /// still wins over the environment as everywhere in .NET, and the environment over
    /// appsettings and the unprefixed variables the host reads.
    /// </summary>
    public static IConfigurationBuilder AddSmartParkEnvironment(this IConfigurationBuilder configuration)
    {
        var source = new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix = Prefix };
        // The last one: hosts add the command line twice, for host settings first and for the app last.
        var commandLine = configuration.Sources.ToList().FindLastIndex(s => s is CommandLineConfigurationSource);
        if (commandLine < 0)
            configuration.Add(source);
        else
            configuration.Sources.Insert(commandLine, source);
        return configuration;
    }

    /// <summary>The name the same setting has with <see cref="Prefix"/>.</summary>
    public static string PrefixedNameOf(string variable) => Prefix + variable;
}
