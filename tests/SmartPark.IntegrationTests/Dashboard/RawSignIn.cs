using System.Net;
using System.Text.RegularExpressions;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>
/// The sign-in form driven by hand: cookies carried as headers (so <c>Secure</c> cookies and
/// their attributes are seen as sent), any extra headers (X-Forwarded-*), no redirects followed.
/// </summary>
public sealed partial class RawSignIn(Uri dashboard, params (string Name, string Value)[] headers) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = dashboard };

    /// <summary>Set-Cookie headers of the last GET /signin (the anti-forgery cookie).</summary>
    public List<string> FormCookies { get; } = [];

    public async Task<HttpResponseMessage> PostAsync(string user, string password, string returnUrl = "/")
    {
        using var get = Request(HttpMethod.Get, "signin", null);
        using var form = await _http.SendAsync(get);
        FormCookies.Clear();
        FormCookies.AddRange(form.Headers.TryGetValues("Set-Cookie", out var set) ? set : []);
        var token = TokenField().Match(await form.Content.ReadAsStringAsync());
        using var post = Request(HttpMethod.Post, "signin", string.Join("; ", FormCookies.Select(c => c.Split(';')[0])));
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            [WebUtility.HtmlDecode(token.Groups[1].Value)] = WebUtility.HtmlDecode(token.Groups[2].Value),
        });
        return await _http.SendAsync(post);
    }

    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];

    private HttpRequestMessage Request(HttpMethod method, string path, string? cookie)
    {
        var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return request;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
