using System.Text.Encodings.Web;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// The sign-in form, rendered on the server so it carries its anti-forgery token and needs no
/// script. Its one stylesheet, <c>/signin.css</c>, is served without sign-in (<c>PageEndpoints</c>);
/// nothing is inline, so the Content-Security-Policy needs no <c>'unsafe-inline'</c>. Labels are
/// bilingual: the visitor has not chosen a language yet. Every value is HTML-encoded for a quoted
/// attribute (the framework's <see cref="HtmlEncoder"/>: quotes, angle brackets, ampersands and anything non-ASCII).
/// </summary>
public static class SignInPage
{
    public static string Html(string formFieldName, string token, string? returnUrl, bool failed, bool noUsers) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>SmartPark · 登录 Sign in</title>
          <link rel="stylesheet" href="/signin.css">
        </head>
        <body>
          <form method="post" action="/signin">
            <h1>SmartPark</h1>
            {{(failed ? "<p id=\"signin-error\" class=\"error\" role=\"alert\">用户名或密码错误 · Wrong user name or password</p>" : "")}}
            {{(noUsers ? "<p class=\"error\">尚未配置用户 (Dashboard:UsersPath) · No users are configured</p>" : "")}}
            <label>用户名 · User <input id="user" name="user" autocomplete="username" required autofocus></label>
            <label>密码 · Password <input id="password" name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="{{Attribute(formFieldName)}}" value="{{Attribute(token)}}">
            <input type="hidden" name="returnUrl" value="{{Attribute(returnUrl ?? "/")}}">
            <button id="signin" type="submit">登录 · Sign in</button>
          </form>
        </body>
        </html>
        """;

    /// <summary>The 429 page: the visitor waits, then tries again from the form.</summary>
    public static string TooMany(int retryAfterSeconds) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>SmartPark · 登录 Sign in</title></head>
        <body>
          <p id="signin-throttled" role="alert">登录尝试过多，请 {{retryAfterSeconds}} 秒后再试 · Too many sign-in attempts: try again in {{retryAfterSeconds}} s.</p>
          <p><a href="/signin">登录 · Sign in</a></p>
        </body>
        </html>
        """;

    private static string Attribute(string value) => HtmlEncoder.Default.Encode(value);
}
