using System.Text.Json;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;

namespace SmartPark.EdgeAgent.Commands;

/// <summary>
/// <c>edgeagent check-config FILE</c>: reads the configuration the way the agent does and lists
/// every problem with its file and line, without opening any hardware: the options, and each
/// sensor's driver name and settings against its descriptor's schema (<see cref="DriverFactory.Validate"/>),
/// so a typo such as <c>"shuntOhms": "0,1"</c> fails here rather than falling back. Exit code 0 when usable.
/// </summary>
public static class CheckConfigCommand
{
    public static int Run(string file, TextWriter output)
    {
        var problems = Check(file);
        if (problems.Count == 0)
        {
            output.WriteLine($"{file}: OK");
            return 0;
        }
        foreach (var problem in problems)
            output.WriteLine(problem);
        output.WriteLine($"{file}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
        return 1;
    }

    /// <summary>Every problem, each as <c>FILE:LINE: what is wrong</c>.</summary>
    public static IReadOnlyList<string> Check(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [$"{file}: cannot read: {ex.Message}"];
        }

        JsonLineMap lines;
        try
        {
            lines = JsonLineMap.Read(bytes);
        }
        catch (JsonException ex)
        {
            return [$"{file}: not valid JSON at {JsonLineMap.Describe(ex)}"];
        }

        AgentOptions? options;
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build();
            options = configuration.GetSection(AgentOptions.Section).Get<AgentOptions>(b => b.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key it could not convert or does not know.
            var message = ex.InnerException?.Message ?? ex.Message;
            return [$"{file}: {message}"];
        }
        if (options is null)
            return [$"{file}: no \"Agent\" section"];

        var found = new List<(string Path, string Message)>();
        found.AddRange(options.Validate().Select(p => (PathOf(p), p)));
        for (var i = 0; i < options.Sensors.Count; i++)
        {
            var sensor = options.Sensors[i];
            var at = $"Agent:Sensors:{i}";
            if (string.IsNullOrWhiteSpace(sensor.Driver))
                continue;
            found.AddRange(DriverFactory.Validate(sensor).Select(p => (at + ":" + PathOf(p), $"{at} ({sensor.Id}): {p}")));
        }
        found.AddRange(SharedLineClashes(options));

        // In file order, so an installer fixes them top to bottom (the binder does not keep key order).
        return found
            .Select(f => (Line: lines.LineOf(f.Path), f.Message))
            .OrderBy(f => f.Line ?? int.MaxValue)
            .Select(f => $"{file}:{f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {f.Message}")
            .ToList();
    }

    /// <summary>
    /// Meters on one serial device share its line settings and need distinct unit addresses.
    /// </summary>
    private static IEnumerable<(string Path, string Message)> SharedLineClashes(AgentOptions options)
    {
        var onPorts = options.Sensors
            .Select((s, i) => (Sensor: s, Index: i, Port: s.GetString("port", "")))
            .Where(x => x.Port.Length > 0)
            .GroupBy(x => x.Port);
        foreach (var port in onPorts)
        {
            var first = port.First();
            foreach (var other in port.Skip(1))
            {
                foreach (var key in new[] { "baud", "format" })
                {
                    var a = first.Sensor.GetString(key, "(driver default)");
                    var b = other.Sensor.GetString(key, "(driver default)");
                    if (a != b)
                        yield return ($"Agent:Sensors:{other.Index}:Settings:{key}", $"Agent:Sensors:{other.Index} ({other.Sensor.Id}): Settings:{key} '{b}' differs from '{a}' of {first.Sensor.Id} on the same line {port.Key}");
                }
            }
            foreach (var clash in port.GroupBy(x => (x.Sensor.Driver.StartsWith("dlt645", StringComparison.Ordinal), x.Sensor.GetString("unit", "1"), x.Sensor.GetString("address", ""))).Where(g => g.Count() > 1))
            {
                var names = string.Join(", ", clash.Select(x => x.Sensor.Id));
                var last = clash.Last();
                yield return ($"Agent:Sensors:{last.Index}:Settings", $"Agent:Sensors:{last.Index} ({last.Sensor.Id}): {names} share {port.Key} with the same unit/address: each meter on a bus needs its own");
            }
        }
    }

    private static string PathOf(string problem)
    {
        var token = problem.Split(' ', 2)[0];
        return token.Contains(':', StringComparison.Ordinal) ? token.TrimEnd(':') : AgentOptions.Section;
    }
}
