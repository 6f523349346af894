using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace SmartPark.TestSupport;

/// <summary>
/// An HTTP client (and SignalR connections) carrying a Dashboard sign-in cookie, obtained the way
/// a browser does: GET the form for its anti-forgery token, POST it. The tests and
/// <c>./smartpark bench dashboard</c> (its 500 simulated browsers) both sign in through it.
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

    /// <summary>The cookies as a <c>Cookie</c> header, to present the session from another client.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_url);

    /// <summary>Signs in; <paramref name="password"/> defaults to the user's right one. Null when refused.</summary>
    public static async Task<SignedInClient?> TrySignInAsync(Uri dashboard, string user, string password, CancellationToken cancellationToken = default)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = dashboard };
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
        // Success goes to the user's landing page ("/", or a supervisor's view); failure back to the form.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString is not ['/', ..] location || location.StartsWith("/signin", StringComparison.Ordinal))
        {
            http.Dispose();
            return null;
        }
        return new SignedInClient(dashboard, cookies, http);
    }

    public static async Task<SignedInClient> SignInAsync(Uri dashboard, string user, string password, CancellationToken cancellationToken = default) =>
        await TrySignInAsync(dashboard, user, password, cancellationToken) ?? throw new InvalidOperationException($"{user} could not sign in");

    /// <summary>A hub connection carrying the sign-in cookie; <paramref name="transports"/> pins the
    /// transport (the bench uses WebSockets only, as browsers do).</summary>
    public HubConnection Hub(string path, HttpTransportType? transports = null) =>
        new HubConnectionBuilder().WithUrl(new Uri(_url, path.TrimStart('/')), o =>
        {
            o.Cookies = _cookies;
            if (transports is { } only)
                o.Transports = only;
        }).Build();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
