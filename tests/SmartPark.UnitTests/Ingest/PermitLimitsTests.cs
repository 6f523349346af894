using Microsoft.Extensions.Configuration;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;

namespace SmartPark.UnitTests.Ingest;

/// <summary>
/// A discharge permit's limits replace the limits of the rules that follow permits, at its
/// enterprise only, in what the engine judges and in what the park's rule set publishes, and
/// again whenever another registry comes into force.
/// </summary>
public sealed class PermitLimitsTests
{
    private static readonly DeviceAddress Permitted = new("p1", "e-permit", "d-cems");
    private static readonly DeviceAddress Other = new("p1", "e-other", "d-cems");
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private ParkRegistry _registry = Registry(new PermitLimit("nox_converted", 100), new PermitLimit("total_nitrogen", 20), new PermitLimit("nmhc", 50));

    private static ParkRegistry Registry(params PermitLimit[] limits)
    {
        RegistryEnterprise Enterprise(string id, RegistryDischargePermit? permit) =>
            new() { Id = id, Name = id, Industry = "boilers", Status = RenovationStatus.Operating, DischargePermit = permit };
        var park = new RegistryPark
        {
            Id = "p1",
            Name = "Park",
            District = "Baiyun",
            LeadingIndustry = "testing",
            Enterprises =
            [
                Enterprise("e-permit", new RegistryDischargePermit { Number = "91440101MA5TEST01X001V", Limits = limits }),
                Enterprise("e-other", null),
            ],
        };
        return new ParkRegistry([park], []);
    }

    private RuleBook Book(IConfiguration? configuration = null) =>
        configuration is null
            ? new RuleBook(DefaultRules.All.Select(r => r.Clone()), registry: () => _registry)
            : RuleBook.FromConfiguration(configuration, () => _registry);

    [Fact]
    public void The_permit_limit_replaces_the_default_at_its_enterprise_and_nowhere_else()
    {
        var book = Book();
        var permitted = book.Find("nox-1h", Permitted)!;
        Assert.Equal((100.0, "p1", "e-permit"), (permitted.Limit!.Value, permitted.Park, permitted.Enterprise));
        Assert.StartsWith("排污许可证 91440101MA5TEST01X001V: nox_converted ≤ 100 mg/m3", permitted.Source, StringComparison.Ordinal);
        Assert.Contains("GB 13271-2014", permitted.Source, StringComparison.Ordinal);
        var other = book.Find("nox-1h", Other)!;
        Assert.Equal((200.0, null), (other.Limit!.Value, other.Enterprise));
        // The defaults themselves are untouched.
        Assert.Equal(200, DefaultRules.All.Single(r => r.Id == "nox-1h").Limit);
    }

    [Fact]
    public void A_permit_switches_on_a_rule_no_standard_sets_and_leaves_fugitive_rules_alone()
    {
        var book = Book();
        Assert.Equal(20, book.Find("total-nitrogen-2h", Permitted)!.Limit);
        Assert.Null(book.Find("total-nitrogen-2h", Other)); // off by default
        // The permit's NMHC limit is for its stack: the in-plant fugitive limit stays 6.
        Assert.Equal(6, book.Find("nmhc-inplant-1h-gd", Permitted)!.Limit);
    }

    [Fact]
    public void A_configured_override_keeps_its_enabled_but_takes_the_permit_limit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:0:Id"] = "nox-1h",
            ["Rules:0:Park"] = "p1",
            ["Rules:0:Enterprise"] = "e-permit",
            ["Rules:0:Severity"] = AlertSeverities.Critical,
            ["Rules:1:Id"] = "total-nitrogen-2h",
            ["Rules:1:Park"] = "p1",
            ["Rules:1:Enterprise"] = "e-permit",
            ["Rules:1:Enabled"] = "false",
        }).Build();
        var book = Book(configuration);
        var nox = book.Find("nox-1h", Permitted)!;
        Assert.Equal((100.0, AlertSeverities.Critical), (nox.Limit!.Value, nox.Severity));
        Assert.Null(book.Find("total-nitrogen-2h", Permitted));
    }

    [Fact]
    public void A_new_registry_is_followed_with_a_new_revision()
    {
        var book = Book();
        Assert.Equal(100, book.Find("nox-1h", Permitted)!.Limit);
        var revision = book.Revision;
        Assert.Equal(revision, book.Revision);

        _registry = Registry(new PermitLimit("nox_converted", 80));
        Assert.NotEqual(revision, book.Revision);
        Assert.Equal(80, book.Find("nox-1h", Permitted)!.Limit);
        Assert.Null(book.Find("total-nitrogen-2h", Permitted));

        _registry = Registry();
        Assert.Equal(200, book.Find("nox-1h", Permitted)!.Limit);
    }

    [Fact]
    public void The_parks_published_rules_show_the_enterprise_level_limit_beside_the_park_wide_one()
    {
        var rules = Book().InPark("p1");
        var nox = rules.Where(r => r.Id == "nox-1h").ToList();
        Assert.Equal(2, nox.Count);
        Assert.Contains(nox, r => r.Enterprise is null && r.Limit == 200);
        Assert.Contains(nox, r => r.Enterprise == "e-permit" && r.Limit == 100 && r.Source!.StartsWith("排污许可证", StringComparison.Ordinal));
        var nitrogen = Assert.Single(rules, r => r.Id == "total-nitrogen-2h");
        Assert.Equal(("e-permit", 20.0), (nitrogen.Enterprise, nitrogen.Limit!.Value));
        Assert.Single(rules, r => r.Id == "nmhc-inplant-1h-gd");
    }

    [Fact]
    public void The_engine_judges_converted_nox_by_the_permit_at_its_enterprise_and_follows_a_new_registry()
    {
        var state = new EngineState();
        var evaluator = new AlertEvaluator(Book(), new NoStatuses(), state);
        long seq = 0;
        void Read(DeviceAddress device, DateTimeOffset at, double value) => evaluator.OnBatch(device, new TelemetryBatch
        {
            Schema = 1,
            Device = device.Device,
            Seq = ++seq,
            SentAt = at,
            Readings = [new Reading { Sensor = "cems-1", Quantity = "nox_converted", Value = value, Unit = "mg/m3", Ts = at, Flag = DataFlag.Normal }],
        }, at);

        for (var minute = 0; minute < 3; minute++)
        {
            Read(Permitted, T0.AddMinutes(minute), 150);
            Read(Other, T0.AddMinutes(minute), 150);
        }
        var raised = Assert.Single(state.Pending);
        Assert.Equal(("nox-1h", "e-permit", 100.0), (raised.Alert.RuleId, raised.Alert.Enterprise, raised.Alert.Limit!.Value));
        Assert.StartsWith("排污许可证", raised.Alert.Source, StringComparison.Ordinal);
        state.Pending.Clear();

        // The permit is amended to 160: the same series, its window kept, judged against the new limit,
        // clears after the hold-off (the document keeps the limit it was raised under).
        _registry = Registry(new PermitLimit("nox_converted", 160));
        Read(Permitted, T0.AddMinutes(3), 150);
        evaluator.OnTick(T0.AddMinutes(9));
        var cleared = Assert.Single(state.Pending, t => t.Alert.RuleId == "nox-1h");
        Assert.Equal((AlertStates.Cleared, "e-permit", 150.0), (cleared.To, cleared.Alert.Enterprise, cleared.Alert.Value!.Value));
    }

    private sealed class NoStatuses : IEnterpriseStatus
    {
        public string? StatusOf(string park, string enterprise) => null;
    }
}
