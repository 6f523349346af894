using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SmartPark.Simulator.Commands;

/// <summary>Options after a subcommand, parsed with clear errors instead of exceptions.</summary>
public sealed class CommandLine
{
    private readonly IConfiguration _config;

    public CommandLine(string[] args, IDictionary<string, string> switches) =>
        _config = new ConfigurationBuilder().AddCommandLine(args, switches).Build();

    public IConfiguration Configuration => _config;

    public string? Text(string key) => _config[key];

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (_config[key] is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"--{key}: '{text}' is not a whole number from {min} to {max}");
        return value;
    }

    public double Double(string key, double fallback, double min, double max)
    {
        if (_config[key] is not { } text)
            return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"--{key}: '{text}' is not a number from {min} to {max}");
        return value;
    }

    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        if (_config[key] is not { } text)
            return fallback;
        return Scenarios.SimDuration.TryParse(text, out var value) ? value : throw new ArgumentException($"--{key}: '{text}' is not a duration (e.g. 30s, 2m)");
    }

    public bool Flag(string key) => _config[key] is { } text && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Flags without values (<c>--check</c>) become <c>--check true</c> for the configuration parser.</summary>
    public static string[] ExpandFlags(string[] args, params string[] flags)
    {
        var expanded = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            expanded.Add(args[i]);
            if (flags.Contains(args[i]) && (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                expanded.Add("true");
        }
        return [.. expanded];
    }

    /// <summary>Ctrl-C and SIGTERM cancel the returned source, so every command shuts down cleanly.</summary>
    public static CancellationTokenSource StopOnSignals(out IDisposable registration)
    {
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        registration = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        return stop;
    }
}
