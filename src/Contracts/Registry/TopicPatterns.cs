namespace SmartPark.Contracts.Registry;

/// <summary>MQTT topic-filter arithmetic for access checks (no allocation-free tricks: ACLs are short).</summary>
public static class TopicPatterns
{
    private const string SharePrefix = "$share/";

    /// <summary>True when <paramref name="topic"/> (no wildcards) matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string topic)
    {
        if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
            return false;
        return Covers(pattern, topic);
    }

    /// <summary>
    /// True when every topic <paramref name="filter"/> can match is also matched by
    /// <paramref name="pattern"/>: a subscription may be granted only if it cannot receive
    /// anything the account may not read.
    /// </summary>
    public static bool Covers(string pattern, string filter)
    {
        var p = pattern.Split('/');
        var f = filter.Split('/');
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == "#")
                return true;
            if (i >= f.Length)
                return false;
            if (f[i] == "#")
                return false; // the filter reaches deeper than this pattern allows
            if (p[i] == "+")
                continue;
            if (f[i] == "+" || !string.Equals(p[i], f[i], StringComparison.Ordinal))
                return false;
        }
        return p.Length == f.Length;
    }

    /// <summary>The topic filter of a shared subscription (<c>$share/group/filter</c>), or the filter itself.</summary>
    public static string WithoutShare(string filter)
    {
        if (!filter.StartsWith(SharePrefix, StringComparison.Ordinal))
            return filter;
        var slash = filter.IndexOf('/', SharePrefix.Length);
        return slash < 0 ? "" : filter[(slash + 1)..];
    }
}
