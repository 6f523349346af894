using System.Text;

namespace SmartPark.Hj212;

/// <summary>One <c>Name=value</c> of the command parameters.</summary>
public readonly record struct Hj212Field(string Name, string Value);

/// <summary>
/// The command parameters between <c>CP=&amp;&amp;</c> and <c>&amp;&amp;</c>: items separated by
/// <c>;</c>, the values of one item by <c>,</c>, each <c>Name=value</c>
/// (<c>DataTime=20160801085857;a24088-Rtd=1.25,a24088-Flag=N</c>). Field names are case-sensitive.
/// </summary>
public sealed class Hj212Cp
{
    public Hj212Cp(IReadOnlyList<IReadOnlyList<Hj212Field>> items)
    {
        Items = items;
    }

    public IReadOnlyList<IReadOnlyList<Hj212Field>> Items { get; }

    public IEnumerable<Hj212Field> Fields => Items.SelectMany(i => i);

    /// <summary>The value of the first field called <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
                return field.Value;
        }
        return null;
    }

    /// <summary>Parses CP content. Never throws; a piece without '=' is reported in <paramref name="problems"/>.</summary>
    public static Hj212Cp Parse(string? cp, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var items = new List<IReadOnlyList<Hj212Field>>();
        if (!string.IsNullOrEmpty(cp))
        {
            foreach (var itemText in cp.Split(';'))
            {
                if (itemText.Trim().Length == 0)
                    continue;
                var fields = new List<Hj212Field>();
                foreach (var fieldText in itemText.Split(','))
                {
                    var eq = fieldText.IndexOf('=', StringComparison.Ordinal);
                    // A name of blanks alone is no name: " =1" is refused as "=1" is.
                    var name = eq < 0 ? "" : fieldText[..eq].Trim();
                    if (name.Length == 0)
                    {
                        found.Add($"CP: '{fieldText}' is not Name=value");
                        continue;
                    }
                    fields.Add(new Hj212Field(name, fieldText[(eq + 1)..]));
                }
                if (fields.Count > 0)
                    items.Add(fields);
            }
        }
        problems = found;
        return new Hj212Cp(items);
    }

    public static Hj212Cp Parse(string? cp) => Parse(cp, out _);

    /// <summary>CP content from items of fields.</summary>
    public static string Format(IEnumerable<IEnumerable<Hj212Field>> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            var fields = item.ToList();
            if (fields.Count == 0)
                continue;
            if (text.Length > 0)
                text.Append(';');
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                    text.Append(',');
                text.Append(fields[i].Name).Append('=').Append(fields[i].Value);
            }
        }
        return text.ToString();
    }

    public override string ToString() => Format(Items);
}
