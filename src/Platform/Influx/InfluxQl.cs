using System.Globalization;
using System.Text;

namespace SmartPark.Platform.Influx;

/// <summary>Quoting for InfluxQL, so ids from a URL can never change a query's meaning.</summary>
public static class InfluxQl
{
    /// <summary>A single-quoted string literal (tag values in WHERE).</summary>
    public static string String(string value) => "'" + Escape(value, '\'') + "'";

    /// <summary>A double-quoted identifier (measurement, tag or field name, database).</summary>
    public static string Identifier(string value) => "\"" + Escape(value, '"') + "\"";

    /// <summary>An absolute time as an RFC 3339 literal.</summary>
    public static string Time(DateTimeOffset at) =>
        "'" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "'";

    private static string Escape(string value, char quote)
    {
        var sb = new StringBuilder(value.Length + 2);
        foreach (var c in value)
        {
            if (c == '\\' || c == quote)
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
