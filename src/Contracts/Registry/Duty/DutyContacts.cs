using System.Net.Mail;

namespace SmartPark.Contracts.Registry.Duty;

/// <summary>What a phone number and an email address on a roster must look like, checked where they are entered
/// (registry, web form) so that a message is not first found undeliverable at 3 a.m.</summary>
public static class DutyContacts
{
    /// <summary>E.164: '+', a country code and the number, 8 to 15 digits in all; spaces and dashes are dropped, and an
    /// 11-digit Chinese mobile (1xxxxxxxxxx) gets +86. Anything else is returned as given, for <see cref="IsPhone"/> to refuse.</summary>
    public static string NormalisePhone(string text)
    {
        var compact = string.Concat(text.Where(c => c is not (' ' or '-')));
        if (compact.Length == 11 && compact[0] == '1' && compact.All(char.IsAsciiDigit))
            return "+86" + compact;
        return compact;
    }

    public static bool IsPhone(string? phone) =>
        phone is { Length: >= 9 and <= 16 } && phone[0] == '+' && phone[1] != '0' && phone.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    public static bool IsEmail(string? email) =>
        email is { Length: > 2 and <= 254 } && !email.Any(char.IsWhiteSpace) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
}
