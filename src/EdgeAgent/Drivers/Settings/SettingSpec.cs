using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Settings;

/// <summary>
/// One key a driver reads from its sensor's <c>Settings</c>: its kind, its default (shown in
/// docs; absent when <see cref="Required"/>), its allowed range or choices, and a check for what
/// a range cannot say. A <see cref="Key"/> with <c>*</c> stands for each quantity the driver
/// yields, e.g. <c>*.offset</c> is <c>temperature.offset</c>, <c>humidity.offset</c>.
/// </summary>
public sealed record SettingSpec(string Key, SettingKind Kind, string About)
{
    public const string AnyQuantity = "*";

    public string? Default { get; init; }

    public bool Required { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Must be above zero (a resistance, a ratio).</summary>
    public bool Positive { get; init; }

    /// <summary>Ranges are shown in hexadecimal (I2C addresses).</summary>
    public bool Hex { get; init; }

    /// <summary>When not empty, the text must be one of these (compared without case).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>What is wrong with a value of the right kind (null when it is fine), for rules a range cannot state.</summary>
    public Func<string, string?>? Check { get; init; }

    public bool IsPattern => Key.Contains(AnyQuantity, StringComparison.Ordinal);

    /// <summary>The quantity a pattern key names (<c>pm25.scale</c> → <c>pm25</c>), or null when it does not match.</summary>
    public string? QuantityIn(string key)
    {
        var star = Key.IndexOf(AnyQuantity, StringComparison.Ordinal);
        var (prefix, suffix) = (Key[..star], Key[(star + 1)..]);
        return key.Length > prefix.Length + suffix.Length
            && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                ? key[prefix.Length..^suffix.Length]
                : null;
    }

    /// <summary>What is wrong with <paramref name="text"/> for this key, or null; the message starts with <c>Settings:KEY</c>.</summary>
    public string? Problem(string key, string text)
    {
        var shown = $"Settings:{key} '{text}'";
        if (Choices.Count > 0 && !Choices.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
            return $"{shown} is not one of {string.Join(", ", Choices)}";
        switch (Kind)
        {
            case SettingKind.Number when Choices.Count == 0:
                if (!SettingText.TryNumber(text, out var number))
                    return $"{shown} is not a number";
                if (OutOfRange(number) is { } range)
                    return $"{shown} {range}";
                break;
            case SettingKind.Integer when Choices.Count == 0:
                if (!SettingText.TryInteger(text, out var whole))
                    return $"{shown} is not a whole number";
                if (OutOfRange(whole) is not null)
                    return Hex ? $"{shown} is outside 0x{(int)Min!:X2}..0x{(int)Max!:X2}" : $"{shown} must be a whole number {Min}..{Max}";
                break;
            case SettingKind.Flag:
                if (!SettingText.TryFlag(text, out _))
                    return $"{shown} is not true or false";
                break;
        }
        return Check?.Invoke(text.Trim()) is { } problem ? $"{shown} {problem}" : null;
    }

    private string? OutOfRange(double value) =>
        Positive && !(value > 0) ? "must be a positive number"
        : (Min is { } min && value < min) || (Max is { } max && value > max)
            ? (Min, Max) switch
            {
                ({ } lo, { } hi) => $"must be {SettingText.Format(lo)}..{SettingText.Format(hi)}",
                ({ } lo, null) => $"must be at least {SettingText.Format(lo)}",
                _ => $"must be at most {SettingText.Format(Max!.Value)}",
            }
            : null;
}
