using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Kinds;

/// <summary>The one list of kinds (<see cref="SmartPark.Ingest.Alerts.Rules.RuleKinds"/>) is
/// complete in itself: names, titles, settings, state types; the Dashboard and saved state follow it.</summary>
public sealed class RuleKindListTests
{
    private static IReadOnlyList<RuleKind> All => SmartPark.Ingest.Alerts.Rules.RuleKinds.All;

    [Fact]
    public void Every_kind_has_a_unique_name_and_titles_in_both_languages()
    {
        Assert.Equal(All.Count, All.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(All, k =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", k.Name); // treatment-off, treatment-idle-production
            Assert.False(string.IsNullOrWhiteSpace(k.Titles.Zh), k.Name);
            Assert.False(string.IsNullOrWhiteSpace(k.Titles.En), k.Name);
        });
    }

    [Fact]
    public void Every_kind_judges_at_one_scope_and_series_kinds_have_their_own_state_type()
    {
        Assert.All(All, k => Assert.Single(new[] { k is SeriesKind, k is DeviceKind, k is EnterpriseKind }, scope => scope));
        var stateTypes = All.OfType<SeriesKind>().Select(k => k.StateType).Where(t => t is not null).ToList();
        Assert.Equal(stateTypes.Count, stateTypes.Distinct().Count()); // the saved state names its kind by its type
        Assert.All(All.OfType<SeriesKind>(), k => Assert.Equal(k.StateType, k.NewState()?.GetType()));
    }

    [Fact]
    public void Every_setting_is_described_and_the_published_kinds_say_which_are_required()
    {
        Assert.All(All.SelectMany(k => k.SettingProperties().Select(p => (k.Name, p))),
            s => Assert.False(string.IsNullOrWhiteSpace(RuleKind.DescriptionOf(s.p)), $"{s.Name}.{s.p.Name}"));
        var described = SmartPark.Ingest.Alerts.Rules.RuleKinds.Described;
        Assert.Equal(All.Select(k => k.Name), described.Select(d => d.Name));
        var window = Assert.Single(described, d => d.Name == "window");
        Assert.Equal(("瞬时超限", "threshold"), (described[0].Titles["zh-CN"], described[0].Titles["en"]));
        Assert.True(window.NeedsQuantity);
        Assert.Equal(["Limit", "ClearAt", "Window", "MinCount"], window.Settings.Select(s => s.Name));
        Assert.Equal([true, false, true, false], window.Settings.Select(s => s.Required));
        Assert.Equal(["number", "number", "duration", "integer"], window.Settings.Select(s => s.Type));
        Assert.False(Assert.Single(described, d => d.Name == "combination").NeedsQuantity);
    }

    [Fact]
    public void A_rule_of_each_kind_names_what_it_lacks()
    {
        foreach (var kind in All)
        {
            var blank = new AlertRule { Id = "r", Kind = kind.Name };
            Assert.Same(blank.Settings, blank.Settings);
            Assert.Equal(kind.GetType(), blank.Settings!.GetType());
            var expected = (kind.NeedsQuantity ? ["Quantity"] : Array.Empty<string>()).Concat(blank.Settings.Missing()).ToList();
            var problems = blank.Problems().ToList();
            if (expected.Count == 0)
                Assert.Empty(problems);
            else
                Assert.Contains(problems, p => p.StartsWith($"rule 'r' ({kind.Name}) needs ", StringComparison.Ordinal) && expected.All(p.Contains));
        }
    }

    [Fact]
    public void Each_kinds_state_is_saved_under_its_name_and_loads_as_the_same_type()
    {
        var state = new EngineState();
        var series = new SeriesMemory();
        foreach (var kind in All.OfType<SeriesKind>())
        {
            if (kind.NewState() is { } fresh)
                series.Rules["rule-" + kind.Name] = fresh;
        }
        state.Series["p/e/d/s/q"] = series;
        var dir = Directory.CreateTempSubdirectory("kind-state-").FullName;
        try
        {
            var store = new EngineStateStore(dir);
            store.Save(state);
            Assert.Contains("\"$kind\": \"window\"", File.ReadAllText(Path.Combine(dir, "alert-engine.json")).Replace("\":\"", "\": \"", StringComparison.Ordinal));
            var loaded = store.Load().Series["p/e/d/s/q"].Rules;
            Assert.Equal(series.Rules.ToDictionary(r => r.Key, r => r.Value.GetType()), loaded.ToDictionary(r => r.Key, r => r.Value.GetType()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
