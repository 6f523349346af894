using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmartPark.Ingest.Notifications.Sms;

/// <summary>The gateway's request body: the template with its placeholders replaced by JSON-escaped
/// values, so a quote or a backslash in a name or a rule title cannot break out of its string.</summary>
public static class SmsBody
{
    public static string Fill(string template, string phone, string text, string key) => template
        .Replace(SmsOptions.PhonePlaceholder, Escape(phone), StringComparison.Ordinal)
        .Replace(SmsOptions.TextPlaceholder, Escape(text), StringComparison.Ordinal)
        .Replace(SmsOptions.KeyPlaceholder, Escape(key), StringComparison.Ordinal);

    public static byte[] Bytes(string template, string phone, string text, string key) =>
        Encoding.UTF8.GetBytes(Fill(template, phone, text, key));

    // Relaxed: Chinese stays as it is (the gateway counts characters); quotes, backslashes and
    // control characters are still escaped, which is all a JSON string needs.
    private static string Escape(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
}
