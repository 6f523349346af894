using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPark.Contracts.Quantities;

/// <summary>
/// How HJ 212 reports a quantity: its factor (pollutant) code and its value format from
/// HJ 212-2017 Annex B (<c>N7.3</c>: up to 7 integer digits and 3 decimals). A monitoring point
/// reports a quantity under this code unless the registry maps it to another (a bureau that
/// still uses a 2005 code).
/// </summary>
public sealed partial record Hj212Factor(string Code, string Format)
{
    /// <summary>Decimals of a value whose quantity has no factor here: no sensor of ours is finer.</summary>
    public const int DefaultDecimals = 3;

    /// <summary>The decimals the format allows (<c>N5.1</c> → 1, <c>N4</c> → 0).</summary>
    public int Decimals => FormatPattern().Match(Format) is { Success: true } m && m.Groups[2].Success
        ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
        : 0;

    /// <summary>Whether <see cref="Code"/> and <see cref="Format"/> look like Annex B's (<c>a24088</c>, <c>N7.3</c>).</summary>
    public bool IsWellFormed => CodePattern().IsMatch(Code) && FormatPattern().IsMatch(Format);

    [GeneratedRegex("^[a-z][a-z0-9]{5}$")]
    internal static partial Regex CodePattern();

    [GeneratedRegex(@"^N([1-9][0-9]?)(?:\.([0-9]))?$")]
    private static partial Regex FormatPattern();
}
