using System.Text.Json.Nodes;

namespace SmartPark.Fuzz.Inputs;

/// <summary>Damage that keeps JSON well-formed, so the validator's checks (not just the parser) are reached.</summary>
public static class JsonMutations
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create(""),
        _ => JsonValue.Create("NaN"),
        _ => JsonValue.Create("Infinity"),
        _ => JsonValue.Create("-Infinity"),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(0),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(double.MaxValue),
        _ => JsonValue.Create(1e-320),
        _ => JsonValue.Create(true),
        _ => JsonValue.Create("9999-12-31T23:59:59.9999999-14:00"),
        _ => JsonValue.Create("0001-01-01T00:00:00+14:00"),
        _ => JsonValue.Create("<img src=x onerror=alert(1)>"),
        r => JsonValue.Create(new string('a', r.Next(60, 70))),
        _ => new JsonArray(),
        _ => new JsonObject(),
        r => Nested(r.Next(1, 200)),
    ];

    public static JsonNode Once(Random random, JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (random.Next(4))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case 1 when target is JsonArray array && array.Count > 0:
                var copy = array[random.Next(array.Count)]?.DeepClone();
                for (var i = random.Next(1, 5000); i > 0; i--)
                    array.Add(copy?.DeepClone());
                break;
            case 2 when target is JsonObject obj:
                obj[Seeded.Text(random, "abcdefgsTQ", 1, 8)] = Replacements[random.Next(Replacements.Length)](random);
                break;
            default:
                var replacement = Replacements[random.Next(Replacements.Length)](random);
                if (target.Parent is null)
                    return replacement ?? new JsonObject();
                target.ReplaceWith(replacement);
                break;
        }
        return root;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                    Collect(child, into);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                    Collect(child, into);
            }
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
            node = new JsonArray(node);
        return node;
    }
}
