using System.Text;
using System.Text.Json;

namespace SmartPark.EdgeAgent.Commands;

/// <summary>
/// Where each setting sits in a JSON configuration file: configuration paths
/// (<c>Agent:Sensors:2:Settings:baud</c>, case-insensitive, as the binder sees them) mapped to
/// line numbers, so a problem can be reported as <c>agent.json:14</c>.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="JsonException">The file is not JSON; the exception carries line and position.</exception>
    public static JsonLineMap Read(byte[] json)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and the next array index if it is an array.
        var stack = new Stack<(string Path, int NextIndex)>();
        string? property = null;
        var newlineCounter = new NewlineCounter(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    var path = Join(stack.Count > 0 ? stack.Peek().Path : "", property!);
                    map._lines[path] = newlineCounter.LineAt(reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    stack.Push((ValuePath(stack, ref property, map, newlineCounter.LineAt(reader.TokenStartIndex)), 0));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    ValuePath(stack, ref property, map, newlineCounter.LineAt(reader.TokenStartIndex));
                    break;
            }
        }
        return map;
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor that is in the file.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = p.Contains(':', StringComparison.Ordinal) ? p[..p.LastIndexOf(':')] : "")
        {
            if (_lines.TryGetValue(p, out var line))
                return line;
        }
        return null;
    }

    private static string ValuePath(Stack<(string Path, int NextIndex)> stack, ref string? property, JsonLineMap map, int line)
    {
        if (stack.Count == 0)
            return "";
        var parent = stack.Pop();
        string path;
        if (property is not null)
        {
            path = Join(parent.Path, property);
            property = null;
        }
        else
        {
            path = Join(parent.Path, parent.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            map._lines.TryAdd(path, line);
            parent.NextIndex++;
        }
        stack.Push(parent);
        return path;
    }

    private static string Join(string parent, string child) => parent.Length == 0 ? child : parent + ":" + child;

    private sealed class NewlineCounter(byte[] text)
    {
        private long _at;
        private int _line = 1;

        public int LineAt(long offset)
        {
            for (; _at < offset && _at < text.Length; _at++)
            {
                if (text[_at] == (byte)'\n')
                    _line++;
            }
            return _line;
        }
    }

    internal static string Describe(JsonException ex) =>
        new StringBuilder().Append("line ").Append((ex.LineNumber ?? 0) + 1).Append(", byte ").Append((ex.BytePositionInLine ?? 0) + 1)
            .Append(": ").Append(ex.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0]).ToString();
}
