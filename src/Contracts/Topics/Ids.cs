using System.Buffers;

namespace SmartPark.Contracts.Topics;

/// <summary>Park, enterprise, device and sensor ids: <c>[a-z0-9][a-z0-9-]{0,63}</c>.</summary>
public static class Ids
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    private static readonly SearchValues<char> FirstChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");
    private static readonly SearchValues<char> LaterChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>Checked by hand rather than with the regex: it runs for every id of every message,
    /// and a regex's <c>$</c> would also accept an id ending in a newline.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 64 } && FirstChars.Contains(id[0]) && !id.AsSpan(1).ContainsAnyExcept(LaterChars);
}
