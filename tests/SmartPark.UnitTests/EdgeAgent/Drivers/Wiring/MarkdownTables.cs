namespace SmartPark.UnitTests.EdgeAgent.Drivers.Wiring;

/// <summary>Reads the pipe tables under a <c>## heading</c> of a markdown file, by column name.</summary>
public static class MarkdownTables
{
    public static IReadOnlyList<Dictionary<string, string>> Under(string markdown, string heading)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.Trim() == "## " + heading);
        Assert.True(start >= 0, $"pin-map.md has no '## {heading}' section");
        var table = lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .ToList();
        Assert.True(table.Count >= 3, $"'## {heading}' has no table");
        var header = Cells(table[0]);
        return table.Skip(2)
            .Select(row => header.Zip(Cells(row)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }

    private static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
