using System.Text.Json;
using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.Ingest.Notifications.Sms;

/// <summary>
/// Section <c>Notifications:Sms</c>: text messages to the people on duty through an SMS gateway
/// that takes an HTTP POST of JSON (a carrier's or a cloud provider's; each names its fields
/// differently, so the body is a template). The gateway's credential (<see cref="AuthValue"/> or
/// <see cref="SigningSecret"/>) is a secret: never logged; keep it in a secret store.
/// </summary>
public sealed class SmsOptions : RoutedSinkOptions
{
    public const string SectionName = "Notifications:Sms";

    /// <summary>Replaced by the recipient's phone number (E.164), JSON-escaped.</summary>
    public const string PhonePlaceholder = "{phone}";

    /// <summary>Replaced by the message text, JSON-escaped.</summary>
    public const string TextPlaceholder = "{text}";

    /// <summary>Replaced by the notice's idempotency key, for gateways that take a client reference.</summary>
    public const string KeyPlaceholder = "{key}";

    public SmsOptions()
    {
        OutboxDirectory = Path.Combine("data", "sms");
        MinSeverity = Contracts.Alerts.AlertSeverities.Critical;
        RateLimit = 30;
        RateWindow = TimeSpan.FromMinutes(1);
        InitialBackoff = TimeSpan.FromSeconds(5);
        RequestTimeout = TimeSpan.FromSeconds(15);
    }

    public override string Title => "SMS gateway";

    protected override string Section => SectionName;

    /// <summary>The gateway's address; empty (the default) disables the sink.</summary>
    public Uri? Url { get; set; }

    /// <summary>Allow a plain-http <see cref="Url"/>: only for a test receiver on loopback.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>The JSON body, with <c>{phone}</c>, <c>{text}</c> and optionally <c>{key}</c> inside JSON strings.</summary>
    public string BodyTemplate { get; set; } = """{"phone":"{phone}","text":"{text}","reference":"{key}"}""";

    /// <summary>A header carrying the gateway's credential, e.g. <c>Authorization</c> (with <see cref="AuthValue"/> <c>Bearer …</c>).</summary>
    public string? AuthHeader { get; set; }

    /// <summary>Secret: the header's value. Never logged.</summary>
    public string? AuthValue { get; set; }

    /// <summary>Secret: signs each request like the bureau webhook (<c>X-SmartPark-Timestamp</c>,
    /// <c>X-SmartPark-Signature: sha256=…</c> over timestamp, '.', body). Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>A field of the gateway's JSON answer (dotted path, e.g. <c>result.code</c>) that must equal
    /// <see cref="SuccessValue"/> for a 2xx answer to count as sent; empty: any 2xx is success.</summary>
    public string? SuccessField { get; set; }

    public string? SuccessValue { get; set; }

    /// <summary>The text is cut to fit this many concatenated SMS segments (67 UCS-2 characters each; Chinese text is UCS-2).</summary>
    public int MaxSegments { get; set; } = 2;

    public override bool Enabled => Url is not null && Url.OriginalString.Length > 0;

    public override string? Problem()
    {
        if (Url is not { IsAbsoluteUri: true } || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
            return $"{SectionName}:Url is not an absolute http(s) address";
        if (Url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
            return $"{SectionName}:Url is plain http, so phone numbers and the credential would cross the network in clear: use https, or set {SectionName}:AllowHttp=true for a test receiver";
        if (!BodyTemplate.Contains(PhonePlaceholder, StringComparison.Ordinal) || !BodyTemplate.Contains(TextPlaceholder, StringComparison.Ordinal))
            return $"{SectionName}:BodyTemplate must contain {PhonePlaceholder} and {TextPlaceholder}";
        try
        {
            using var _ = JsonDocument.Parse(SmsBody.Fill(BodyTemplate, "+8613800000000", "测试 \"text\"", "key:1"));
        }
        catch (JsonException ex)
        {
            return $"{SectionName}:BodyTemplate is not JSON once filled in ({ex.Message}); put the placeholders inside JSON strings";
        }
        if (string.IsNullOrEmpty(AuthHeader) != string.IsNullOrEmpty(AuthValue))
            return $"{SectionName}:AuthHeader and AuthValue go together";
        if (string.IsNullOrEmpty(SuccessField) != (SuccessValue is null))
            return $"{SectionName}:SuccessField and SuccessValue go together";
        if (MaxSegments is < 1 or > 10)
            return $"{SectionName}:MaxSegments {MaxSegments} is not between 1 and 10";
        return RouteProblem();
    }
}
