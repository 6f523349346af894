namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Where a fresh sign-in may send the browser: a path on this site only, so a link like
/// <c>/signin?returnUrl=//evil.example</c> cannot bounce a victim's sign-in to an attacker's
/// page. The rule is the framework's <c>IUrlHelper.IsLocalUrl</c> (starts with one '/', not
/// "//" or "/\", no control characters — browsers strip tab and newline, turning "/\t/evil"
/// into "//evil"), made stricter: the same holds once percent-decoded (for proxies or pages that
/// decode before redirecting: "/%2F/evil", "/%5Cevil"), and no '\' or '@' at all (no path of
/// this site has them; both are ways to smuggle an authority). Anything else becomes "/".
/// </summary>
public static class LocalReturnUrl
{
    public static string Sanitize(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    public static bool IsLocal(string? url) => IsLocalPath(url) && IsLocalPath(Uri.UnescapeDataString(url!));

    /// <summary>The framework's rule (Microsoft.AspNetCore.Mvc.Routing.UrlHelperBase.CheckIsLocalUrl, without "~/"), plus no '\' or '@'.</summary>
    private static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Contains('@', StringComparison.Ordinal);
}
