using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Reads the keys of one YAML mapping with the line of each, recording a problem (with its
/// line) for every missing key, wrong type and unknown key rather than stopping at the first.
/// Public so that the park database's reader (<see cref="IRegistryExtraFields"/>) reads the
/// supervision keys with the same rules and messages.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _what;
    private readonly List<RegistryError> _errors;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private YamlFields(YamlMappingNode map, string what, List<RegistryError> errors, IReadOnlyCollection<string> known)
    {
        _map = map;
        _what = what;
        _errors = errors;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
            {
                errors.Add(new(LineOf(keyNode), $"{what}: unknown key '{key}' (expected one of: {string.Join(", ", known)})"));
                continue;
            }
            _values[key] = value;
            _lines[key] = LineOf(keyNode);
        }
    }

    public int Line => LineOf(_map);
    public IReadOnlyDictionary<string, int> Lines => _lines;

    /// <summary>The fields of <paramref name="node"/>, or null (with an error) when it is not a mapping.</summary>
    public static YamlFields? Of(YamlNode node, string what, List<RegistryError> errors, params string[] known)
    {
        if (node is YamlMappingNode map)
            return new YamlFields(map, what, errors, known);
        errors.Add(new(LineOf(node), $"{what} must be a mapping of keys to values"));
        return null;
    }

    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    public string String(string key, bool required = true)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
                _errors.Add(new(Line, $"{_what}: '{key}' is missing"));
            return "";
        }
        if (node is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            return text;
        _errors.Add(new(LineOf(node), $"{_what}: '{key}' must be a non-empty text value"));
        return "";
    }

    public double Number(string key, bool required = true)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
                _errors.Add(new(Line, $"{_what}: '{key}' is missing"));
            return double.NaN;
        }
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        _errors.Add(new(LineOf(node), $"{_what}: '{key}' must be a number, not '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'"));
        return double.NaN;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>; null (with an error when required) when absent or not such a date.</summary>
    public DateOnly? Date(string key, bool required = false)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
                _errors.Add(new(Line, $"{_what}: '{key}' is missing"));
            return null;
        }
        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        _errors.Add(new(LineOf(node), $"{_what}: '{key}' must be a date written {DateFormat}, not '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'"));
        return null;
    }

    /// <summary>How the registry writes dates (ISO 8601, as the export writes them).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A true/false value; <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string key, bool fallback)
    {
        if (!_values.TryGetValue(key, out var node))
            return fallback;
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
            return scalar.Value == "true";
        _errors.Add(new(LineOf(node), $"{_what}: '{key}' must be true or false, not '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'"));
        return fallback;
    }

    /// <summary>The items of a sequence; an absent key is an empty list (or an error when required).</summary>
    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
                _errors.Add(new(Line, $"{_what}: '{key}' is missing"));
            return [];
        }
        if (node is YamlSequenceNode sequence)
            return sequence.Children.ToList();
        _errors.Add(new(LineOf(node), $"{_what}: '{key}' must be a list"));
        return [];
    }

    public YamlNode? Node(string key) => _values.GetValueOrDefault(key);

    public bool Has(string key) => _values.ContainsKey(key);
}
