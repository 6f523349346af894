using System.Net;
using System.Text.Json;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary><c>GET /api/quantities</c> over real HTTP: signed-in users get the catalogue's titles, others a 401.</summary>
public sealed class QuantityApiTests : DashboardOnItsOwnBroker
{
    [Fact]
    public async Task A_signed_in_user_gets_every_quantitys_titles_and_a_stranger_gets_401()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Dashboard.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/quantities")).StatusCode);

        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        using var doc = JsonDocument.Parse(await op.Http.GetStringAsync("api/quantities"));
        var byName = doc.RootElement.EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!);

        Assert.Equal(SmartPark.Contracts.Quantities.QuantityCatalogue.All.Select(q => q.Name).Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
        var nox = byName["nox"];
        Assert.Equal(("氮氧化物", "NOx", "mg/m3", "a21002"),
            (nox.GetProperty("title").GetProperty("zh").GetString(), nox.GetProperty("title").GetProperty("en").GetString(),
             nox.GetProperty("unit").GetString(), nox.GetProperty("hj212Code").GetString()));
    }
}
