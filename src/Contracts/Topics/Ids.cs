using System.Text.RegularExpressions;

namespace SmartPark.Contracts.Topics;

/// <summary>Park, enterprise, device and sensor ids: <c>[a-z0-9][a-z0-9-]{0,63}</c>.</summary>
public static partial class Ids
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    public static bool IsValid(string? id) => id is not null && IdRegex().IsMatch(id);
}
