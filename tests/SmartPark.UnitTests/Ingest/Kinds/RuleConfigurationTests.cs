using Microsoft.Extensions.Configuration;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Kinds;

/// <summary>An <c>Alerts:Rules</c> entry stays one flat list of fields: the common ones and the
/// kind's settings side by side, as before rule kinds had types of their own.</summary>
public sealed class RuleConfigurationTests
{
    private static RuleBook Book(params (string Key, string Value)[] settings) =>
        RuleBook.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void An_override_changes_a_kinds_setting_and_keeps_the_rest_of_the_default()
    {
        var book = Book(("Rules:0:Id", "nmhc-inplant-1h-gd"), ("Rules:0:Park", "p1"), ("Rules:0:Limit", "4.5"), ("Rules:0:HoldOff", "00:02:00"),
            ("Rules:1:Id", "device-offline"), ("Rules:1:MinSilence", "00:05:00"));
        var hourly = book.Find("nmhc-inplant-1h-gd", new("p1", "e1", "d1"))!;
        var window = Assert.IsType<WindowKind>(hourly.Settings);
        Assert.Equal((4.5, TimeSpan.FromHours(1), 3, TimeSpan.FromMinutes(2)), (window.Limit!.Value, window.Window!.Value, window.MinCount, hourly.HoldOff));
        Assert.Equal(6, Assert.IsType<WindowKind>(book.Find("nmhc-inplant-1h-gd", new("p2", "e1", "d1"))!.Settings).Limit); // the default is untouched
        var offline = Assert.IsType<AbsenceKind>(book.Find("device-offline", new("p2", "e1", "d1"))!.Settings);
        Assert.Equal((3, TimeSpan.FromMinutes(5)), (offline.Intervals, offline.MinSilence));
        Assert.Equal(60, Assert.IsType<AbsenceKind>(DefaultRules.All.Single(r => r.Id == "device-offline").Settings).MinSilence.TotalSeconds);
    }

    [Fact]
    public void A_new_rule_names_its_kind_and_settings_in_one_entry()
    {
        var book = Book(("Rules:0:Id", "nmhc-sudden-rise"), ("Rules:0:Kind", "rise"), ("Rules:0:Title", "VOC leak"), ("Rules:0:Quantity", "nmhc"),
            ("Rules:0:Rise", "10"), ("Rules:0:Window", "00:05:00"), ("Rules:0:Severity", "critical"),
            ("Rules:1:Id", "fire-all"), ("Rules:1:Kind", "combination"), ("Rules:1:Requires:0", "smoke"), ("Rules:1:Requires:1", "flame"), ("Rules:1:Window", "00:01:00"));
        var rule = book.Find("nmhc-sudden-rise", new("p1", "e1", "d1"))!;
        Assert.Equal(("rise", "critical", "nmhc"), (rule.Kind, rule.Severity, rule.Quantity));
        var rise = Assert.IsType<RiseKind>(rule.Settings);
        Assert.Equal((10.0, TimeSpan.FromMinutes(5)), (rise.Rise!.Value, rise.Window!.Value));
        Assert.Equal(["smoke", "flame"], Assert.IsType<CombinationKind>(book.Find("fire-all", new("p1", "e1", ""))!.Settings).Requires!);
    }

    [Fact]
    public void A_kinds_missing_or_invalid_settings_and_an_unknown_kind_are_refused_at_start()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Book(
            ("Rules:0:Id", "a"), ("Rules:0:Kind", "rise"), ("Rules:0:Quantity", "nmhc"), ("Rules:0:Window", "00:01:00"),
            ("Rules:1:Id", "b"), ("Rules:1:Kind", "rise"), ("Rules:1:Quantity", "nmhc"), ("Rules:1:Rise", "-1"), ("Rules:1:Window", "00:01:00"),
            ("Rules:2:Id", "c"), ("Rules:2:Kind", "magic")));
        Assert.Contains("rule 'a' (rise) needs Rise", ex.Message);
        Assert.Contains("rule 'b' (rise): Rise must be above zero", ex.Message);
        Assert.Contains("rule 'c': unknown kind 'magic' (one of threshold, window, rate, rise,", ex.Message);
    }

    [Fact]
    public void A_clone_has_its_own_settings()
    {
        var original = DefaultRules.All.Single(r => r.Id == "heat-static");
        var clone = original.Clone();
        ((ILimitedKind)clone.Settings!).Limit = 70;
        Assert.Equal((58.0, 70.0), (original.Limit!.Value, clone.Limit!.Value));
    }
}
