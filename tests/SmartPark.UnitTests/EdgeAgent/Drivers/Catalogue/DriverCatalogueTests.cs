using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Catalogue;

/// <summary>The one list of drivers is coherent: what a new descriptor must satisfy to join it.</summary>
public class DriverCatalogueTests
{
    public static TheoryData<string> Simulated() => [.. DriverFactory.Known];

    [Fact]
    public void Every_name_is_listed_once_and_every_quantity_is_in_the_catalogue()
    {
        var names = DriverCatalogue.All.SelectMany(d => d.Names).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), DriverCatalogue.Names);
        foreach (var descriptor in DriverCatalogue.All)
        {
            Assert.NotEmpty(descriptor.Part);
            Assert.All(descriptor.Quantities(Options(descriptor.Names[0])), q => Assert.True(QuantityCatalogue.TryGet(q, out _), $"{descriptor.Names[0]}: {q}"));
            var keys = descriptor.Settings.Specs.Select(s => s.Key).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(descriptor.Settings.Specs.Where(s => s.Required), s => Assert.Null(s.Default));
        }
    }

    [Theory]
    [MemberData(nameof(Simulated))]
    public void A_twin_yields_what_its_descriptor_says_and_accepts_its_documented_defaults(string driver)
    {
        var descriptor = DriverCatalogue.Find(driver)!;
        var sensor = Options(driver);
        Assert.Equal(descriptor.Quantities(sensor), DriverFactory.Create(sensor, "p").Quantities);
        // Each default written as a value of its own kind parses (the docs show these).
        foreach (var spec in descriptor.Settings.Specs.Where(s => s.Default is not null && !s.IsPattern && s.Kind != SettingKind.Text))
        {
            if (spec.Key is "standbyKw" or "standbyPerHour")
                continue;   // its default is a rule ("2 % of ratedKw"), not a value
            Assert.Null(spec.Problem(spec.Key, spec.Default!));
        }
    }

    [Fact]
    public void An_unknown_driver_names_every_known_one()
    {
        var problem = Assert.Single(DriverCatalogue.Problems(Options("sht99")));
        Assert.All(DriverCatalogue.Names, n => Assert.Contains(n, problem));
    }
}
