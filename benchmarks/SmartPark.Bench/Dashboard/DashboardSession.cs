using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// One signed-in browser, as far as the Dashboard can tell: GET the sign-in form for its
/// anti-forgery token, POST it, keep the cookie for the API and the live hub.
/// </summary>
internal sealed partial class DashboardSession : IDisposable
{
    private readonly Uri _dashboard;
    private readonly CookieContainer _cookies;

    private DashboardSession(Uri dashboard, CookieContainer cookies, HttpClient http)
    {
        _dashboard = dashboard;
        _cookies = cookies;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<DashboardSession> SignInAsync(Uri dashboard, string user, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = dashboard,
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            var form = await http.GetStringAsync("signin", cancellationToken);
            var token = TokenField().Match(form);
            if (!token.Success)
                throw new InvalidOperationException("the sign-in form has no anti-forgery token");
            using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["user"] = user,
                ["password"] = password,
                ["returnUrl"] = "/",
                [WebUtility.HtmlDecode(token.Groups[1].Value)] = WebUtility.HtmlDecode(token.Groups[2].Value),
            }), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
                throw new InvalidOperationException($"sign-in as {user} refused ({(int)response.StatusCode} → {response.Headers.Location})");
            return new DashboardSession(dashboard, cookies, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A connection to the live hub carrying this session's cookie (WebSockets, as browsers use).</summary>
    public HubConnection LiveHub() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_dashboard, "hubs/live"), o =>
            {
                o.Cookies = _cookies;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
