using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPark.ParkData.Rectification;

namespace SmartPark.UnitTests.Rectification;

/// <summary>
/// The rectification pages (in <c>wwwroot/rectification</c>, which the site-wide translation test
/// does not scan) use only keys both dictionaries have, and every value the server sends (hazards,
/// states, steps, sources) has its words; the reply page's own dictionary holds what it shows.
/// </summary>
public sealed partial class RectificationTranslationsTests
{
    private static string WwwRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Dashboard", "wwwroot");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/Dashboard/wwwroot above the test's folder");
    }

    private static Dictionary<string, string> Load(string lang) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WwwRoot(), "i18n", lang + ".json")))!;

    [GeneratedRegex("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"")]
    private static partial Regex HtmlKey();

    [GeneratedRegex("""\b(?:t|SP\.t)\("([a-zA-Z0-9_.\-]+)"[,)]""")]
    private static partial Regex ScriptKey();

    [Fact]
    public void Every_key_the_rectification_pages_use_and_every_value_the_server_sends_is_in_both_languages()
    {
        var folder = Path.Combine(WwwRoot(), "rectification");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var html in Directory.GetFiles(folder, "*.html").Append(Path.Combine(WwwRoot(), "supervision", "district.html")).Append(Path.Combine(WwwRoot(), "supervision", "report.html")))
            used.UnionWith(HtmlKey().Matches(File.ReadAllText(html)).Select(m => m.Groups[1].Value));
        foreach (var js in Directory.GetFiles(folder, "*.js").Append(Path.Combine(WwwRoot(), "supervision", "report.js")))
            used.UnionWith(ScriptKey().Matches(File.ReadAllText(js)).Select(m => m.Groups[1].Value));
        Assert.Contains("rectification.title", used);
        Assert.Contains("reply.send", used);
        used.UnionWith(HazardCategories.All.Select(h => "rectification.hazard." + h));
        used.UnionWith(RectificationStates.All.Select(s => "rectification.state." + s));
        used.UnionWith(RectificationActions.All.Select(a => "rectification.action." + a));
        used.UnionWith(RectificationSources.All.Select(s => "rectification.source." + s));
        used.UnionWith(RectificationStates.All.SelectMany(RectificationStateMachine.Moves).Append(RectificationActions.EvidenceAdded).Select(m => "rectification.do." + m));
        used.UnionWith(new[] { RectificationActions.Replied, RectificationActions.Rejected }.Select(a => "reply.action." + a));
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            var dictionary = Load(lang);
            Assert.Empty(used.Where(k => !dictionary.ContainsKey(k)).Order(StringComparer.Ordinal));
        }
    }
}
