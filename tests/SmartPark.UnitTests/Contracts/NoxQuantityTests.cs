using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Dashboard.Quantities;
using SmartPark.UnitTests.Registry;
using SmartPark.Uplink;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Points;

namespace SmartPark.UnitTests.Contracts;

/// <summary>
/// NOx was added as one catalogue entry (docs/extending.md, "How to add a quantity"): these check
/// that the one entry reaches every part that reads quantities, with nothing else edited.
/// </summary>
public class NoxQuantityTests
{
    [Fact]
    public void The_catalogue_gives_nox_its_unit_titles_and_hj212_factor()
    {
        var nox = QuantityCatalogue.Get("nox");
        Assert.Same(QuantityCatalogue.Nox, nox);
        // HJ 212-2017 Annex B: a21002 nitrogen oxides, mg/m³, N5.1 (docs/reference/pollutants.md).
        Assert.Equal(("mg/m3", QuantityKind.Emission, new Hj212Factor("a21002", "N5.1"), 1), (nox.Unit, nox.Kind, nox.Hj212, nox.Hj212Decimals));
        Assert.Equal(new QuantityTitle("氮氧化物", "NOx"), nox.Title);
    }

    [Fact]
    public void The_uplink_reports_nox_under_a21002_with_one_decimal()
    {
        // A flue-gas analyser reporting NMHC and NOx, and a point that lists both without codes.
        var yaml = string.Join('\n', RegistryYaml.Valid.Split('\n').Select(l => l.Replace("{ id: voc-1, quantity: nmhc }", "{ id: voc-1, quantities: [nmhc, nox] }", StringComparison.Ordinal)).Take(19).Concat(
        [
            "        monitoringPoints:",
            "          - mn: 010000A8900016F000169DC0",
            "            pw: '123456'",
            "            st: 31",
            "            device: d1",
            "            platform: { host: 127.0.0.1, port: 9212 }",
            "            pollutants: [nmhc, nox]",
        ]).Concat(RegistryYaml.Valid.Split('\n').Skip(19)));

        var registered = Assert.Single(RegistryLoader.Parse(yaml).MonitoringPoints);
        var config = PointConfig.From(registered, new UplinkOptions());

        Assert.Equal([new PollutantSource("a24088", "nmhc", "voc-1"), new PollutantSource("a21002", "nox", "voc-1")], config.Sources);
        var at = new DateTime(2026, 11, 24, 8, 40, 17);
        Assert.Equal("DataTime=20261124084017;a24088-Rtd=1.235,a24088-Flag=N;a21002-Rtd=48.3,a21002-Flag=N",
            CpBuilder.RealTime(at, config.Sources.Select(s => (s.Code, s.Quantity == "nox" ? 48.26 : 1.2345, "N", s.Decimals))));
    }

    [Fact]
    public void The_dashboard_api_serves_its_titles()
    {
        var nox = Assert.Single(QuantityView.Catalogue(), v => v.Name == "nox");
        Assert.Equal(("氮氧化物", "NOx", "mg/m3", "a21002"), (nox.Title.Zh, nox.Title.En, nox.Unit, nox.Hj212Code));
    }

    [Theory]
    [InlineData("mg/m3", 48.26, new string[0])]
    [InlineData("ppm", 48.26, new[] { RejectionCodes.WrongUnit })]
    [InlineData("mg/m3", -1.0, new[] { RejectionCodes.OutOfRange })]
    public void Ingest_validates_a_nox_reading_by_its_catalogue_entry(string unit, double value, string[] codes)
    {
        var now = new DateTimeOffset(2026, 11, 24, 8, 0, 5, TimeSpan.Zero);
        var json = $$"""
            {"schema":1,"device":"d1","seq":1,"sentAt":"2026-11-24T08:00:05Z",
             "readings":[{"sensor":"fg-1","quantity":"nox","value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{unit}}","ts":"2026-11-24T08:00:00Z","flag":"N"}]}
            """;

        var result = TelemetryValidator.Validate(System.Text.Encoding.UTF8.GetBytes(json), new DeviceAddress("p1", "e1", "d1"), now);

        Assert.Equal(codes, result.Errors.Select(e => e.Code));
    }
}
