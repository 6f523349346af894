using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>
/// An HTTP client (and SignalR connections) carrying a Dashboard sign-in cookie, obtained the way
/// a browser does: GET the form for its anti-forgery token, POST it.
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly CookieContainer _cookies;
    private readonly Uri _url;

    private SignedInClient(Uri url, CookieContainer cookies, HttpClient http)
    {
        _url = url;
        _cookies = cookies;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>Signs in; <paramref name="password"/> defaults to the user's right one. Null when refused.</summary>
    public static async Task<SignedInClient?> TrySignInAsync(Uri dashboard, string user, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = dashboard };
        var form = await http.GetStringAsync("signin");
        var token = TokenField().Match(form);
        if (!token.Success)
            throw new InvalidOperationException("the sign-in form has no anti-forgery token");
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
            [WebUtility.HtmlDecode(token.Groups[1].Value)] = WebUtility.HtmlDecode(token.Groups[2].Value),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            http.Dispose();
            return null;
        }
        return new SignedInClient(dashboard, cookies, http);
    }

    public static async Task<SignedInClient> SignInAsync(Uri dashboard, TestUser user) =>
        await TrySignInAsync(dashboard, user.Name, user.Password) ?? throw new InvalidOperationException($"{user.Name} could not sign in");

    public HubConnection Hub(string path) =>
        new HubConnectionBuilder().WithUrl(new Uri(_url, path.TrimStart('/')), o => o.Cookies = _cookies).Build();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
