namespace SmartPark.ParkData.Validation;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31
/// of <see cref="Alphabet"/> (digits and capitals without I, O, Z, S, V); the last is a check
/// character over the first 17 with weights 3^i mod 31. Written here because no package on
/// NuGet served here checks it; the tests hold published codes.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when <paramref name="code"/> is a valid code, else why not (in English; the UI translates by <see cref="Problem"/>).</summary>
    public static Problem? Check(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return Problem.Empty;
        if (code.Length != 18)
            return Problem.Length;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
                return Problem.Character;
            sum += value * Weights[i];
        }
        if (Alphabet.IndexOf(code[17], StringComparison.Ordinal) < 0)
            return Problem.Character;
        var check = (31 - sum % 31) % 31;
        return code[17] == Alphabet[check] ? null : Problem.CheckDigit;
    }

    public static bool IsValid(string? code) => Check(code) is null;

    /// <summary>The check character the first 17 characters call for (for generators and messages).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("17 characters expected", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
                throw new ArgumentException($"'{first17[i]}' is not in the code's alphabet", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    public enum Problem
    {
        Empty,
        Length,
        Character,
        CheckDigit,
    }

    public static string Describe(Problem problem) => problem switch
    {
        Problem.Empty => "the unified social credit code is empty",
        Problem.Length => "a unified social credit code has 18 characters",
        Problem.Character => "a unified social credit code uses digits and capitals except I, O, Z, S and V",
        _ => "the unified social credit code's check character does not match (a typo?)",
    };
}
