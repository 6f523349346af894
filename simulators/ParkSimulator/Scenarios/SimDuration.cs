using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// Durations as scenario authors write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>.
/// Unlike TimeSpan's <c>00:05:00</c>, these read at a glance in a timeline of events.
/// </summary>
public static partial class SimDuration
{
    [GeneratedRegex(@"^\s*(?:(?<h>\d+(?:\.\d+)?)h)?\s*(?:(?<m>\d+(?:\.\d+)?)m(?!s))?\s*(?:(?<s>\d+(?:\.\d+)?)s)?\s*(?:(?<ms>\d+)ms)?\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var match = Pattern().Match(text);
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success))
            return false;
        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or adds a problem naming <paramref name="where"/>.</summary>
    public static TimeSpan? Parse(string? text, string where, ICollection<string> problems)
    {
        if (text is null)
            return null;
        if (TryParse(text, out var duration))
            return duration;
        problems.Add($"{where}: '{text}' is not a duration (write e.g. 90s, 5m, 1h30m, 500ms)");
        return null;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}h{duration.Minutes:00}m{duration.Seconds:00}s"
        : duration.TotalMinutes >= 1 ? $"{duration.Minutes}m{duration.Seconds:00}s"
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s");
}
