using System.Text.Json;
using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Quantities;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>What <c>GET /api/quantities</c> serves and the pages read (<c>SP.quantityTitle</c> in common.js).</summary>
public class QuantityViewTests
{
    [Fact]
    public void Every_catalogue_entry_is_served_with_its_titles_unit_and_code()
    {
        var views = QuantityView.Catalogue();

        Assert.Equal(QuantityCatalogue.All.Select(q => q.Name), views.Select(v => v.Name));
        var nmhc = Assert.Single(views, v => v.Name == "nmhc");
        Assert.Equal(new QuantityView("nmhc", "mg/m3", "emission", 0, 100_000, QuantityCatalogue.Nmhc.Description, new("非甲烷总烃", "NMHC"), "a24088"), nmhc);
        Assert.Null(Assert.Single(views, v => v.Name == "smoke").Hj212Code);
    }

    [Fact]
    public void The_json_has_the_shape_common_js_reads()
    {
        // ASP.NET Core's web defaults: camelCase names.
        var json = JsonSerializer.Serialize(QuantityView.Catalogue(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        Assert.Equal("nmhc", first.GetProperty("name").GetString());
        Assert.Equal("非甲烷总烃", first.GetProperty("title").GetProperty("zh").GetString());
        Assert.Equal("NMHC", first.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("mg/m3", first.GetProperty("unit").GetString());
    }
}
