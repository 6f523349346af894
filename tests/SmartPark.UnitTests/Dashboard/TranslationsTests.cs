using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPark.Contracts.Alerts;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>Every string the pages show exists in both languages.</summary>
public sealed partial class TranslationsTests
{
    private static readonly string WwwRoot = FindWwwRoot();

    private static string FindWwwRoot()
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
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WwwRoot, "i18n", lang + ".json")))!;

    [Fact]
    public void Both_languages_have_the_same_keys_and_no_empty_strings()
    {
        var zh = Load("zh-CN");
        var en = Load("en");
        Assert.Equal(zh.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(zh.Concat(en), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        // Placeholders match, so neither language drops a value.
        Assert.All(zh, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(en[kv.Key])));
    }

    [Fact]
    public void Every_key_the_pages_and_scripts_use_is_translated()
    {
        var zh = Load("zh-CN");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var html in Directory.GetFiles(WwwRoot, "*.html"))
            used.UnionWith(HtmlKey().Matches(File.ReadAllText(html)).Select(m => m.Groups[1].Value));
        foreach (var js in Directory.GetFiles(WwwRoot, "*.js"))
            used.UnionWith(ScriptKey().Matches(File.ReadAllText(js)).Select(m => m.Groups[1].Value));
        // Keys built from values: every value the server can send has its entry. Quantities are
        // not among them: their titles travel with the catalogue (QuantityCatalogueTests.Every_quantity_has_both_titles).
        used.UnionWith(new[] { AlertSeverities.Critical, AlertSeverities.Warning, AlertSeverities.Info }.Select(s => "severity." + s));
        used.UnionWith(new[] { AlertStates.Active, AlertStates.Acknowledged, AlertStates.Cleared, AlertStates.Closed }.Select(s => "state." + s));
        // Rule kinds carry their own titles (RuleKinds.All, served by api/alerts/kinds): no "kind." keys.
        used.UnionWith(new[] { "operator", "bureau", "admin" }.Select(r => "role." + r));
        used.UnionWith(new[] { "online", "offline", "unknown" }.Select(s => "device." + s));
        used.UnionWith(new[] { "raw", "1m", "1h" }.Select(r => "resolution." + r));
        used.UnionWith(SmartPark.Dashboard.Overview.EnterpriseStatus.All.Select(s => "status." + s));
        used.UnionWith(new[] { "connecting", "connected", "reconnecting", "disconnected" }.Select(s => "connection." + s));
        // Built-in rules show under their own title in both languages (SP.ruleTitle).
        used.UnionWith(SmartPark.Ingest.Alerts.Rules.DefaultRules.All.Select(r => "rule." + r.Id));
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !k.EndsWith('.') && !zh.ContainsKey(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Quantity_titles_come_from_the_catalogue_not_the_dictionaries()
    {
        Assert.DoesNotContain(Load("zh-CN").Keys.Concat(Load("en").Keys), k => k.StartsWith("quantity.", StringComparison.Ordinal));
        foreach (var js in Directory.GetFiles(WwwRoot, "*.js"))
            Assert.DoesNotContain("\"quantity.\"", File.ReadAllText(js), StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"")]
    private static partial Regex HtmlKey();

    [GeneratedRegex("""\b(?:t|tx|SP\.t)\("([a-zA-Z0-9_.]+)"[,)]""")]
    private static partial Regex ScriptKey();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();
}
