using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPark.ParkData.Sheets;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>
/// The sheet import page (wwwroot/supervision/, below what <see cref="TranslationsTests"/> scans)
/// is translated, and every reason the importer can give has its sentence in both languages.
/// </summary>
public sealed partial class SheetImportPageTranslationsTests
{
    private static readonly string WwwRoot = Path.Combine(RepositoryPaths.Root, "src", "Dashboard", "wwwroot");

    private static Dictionary<string, string> Load(string lang) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WwwRoot, "i18n", lang + ".json")))!;

    [Fact]
    public void Every_key_of_the_import_page_and_every_problem_code_is_in_both_dictionaries()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        used.UnionWith(HtmlKey().Matches(File.ReadAllText(Path.Combine(WwwRoot, "supervision", "import.html"))).Select(m => m.Groups[1].Value));
        used.UnionWith(ScriptKey().Matches(File.ReadAllText(Path.Combine(WwwRoot, "supervision", "import.js"))).Select(m => m.Groups[1].Value));
        var codes = typeof(SheetProblemCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(codes.Count >= 20, $"only {codes.Count} problem codes found");
        used.UnionWith(codes.Select(c => "import.problem." + c));
        Assert.Contains("import.title", used);
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            var dictionary = Load(lang);
            Assert.Empty(used.Where(k => !dictionary.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => $"{lang}: {k}"));
        }
    }

    [GeneratedRegex("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"")]
    private static partial Regex HtmlKey();

    [GeneratedRegex("""\bSP\.t\("([a-zA-Z0-9_.]+)"[,)]""")]
    private static partial Regex ScriptKey();
}
