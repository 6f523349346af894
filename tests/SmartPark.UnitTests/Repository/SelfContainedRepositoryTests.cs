namespace SmartPark.UnitTests.Repository;

/// <summary>
/// Nothing in the repository points outside it: the design the code cites is docs/architecture.md
/// and the reference facts are in docs/reference/, so a clean clone is complete. A file that cites
/// the old sibling folder or a path on one machine fails here with its line.
/// </summary>
public sealed class SelfContainedRepositoryTests
{
    // Built from parts so this file does not itself hold the text it looks for.
    private static readonly string SiblingFolder = ".." + "/shared";
    private static readonly string MachinePath = "/" + "work/";

    [Fact]
    public void No_file_refers_to_a_path_outside_the_repository()
    {
        var found = new List<string>();
        foreach (var file in RepositoryFiles.All())
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, file));
            if (Array.IndexOf(bytes, (byte)0) >= 0)
                continue; // binary: nothing to cite
            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (PointsOutside(lines[i]))
                    found.Add($"{file}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(found.Count == 0,
            "cite docs/architecture.md or docs/reference/ instead of a path outside the repository:\n" + string.Join('\n', found));
    }

    // {sibling} and {machine} stand for the two forbidden paths, which this file may not spell out.
    [Theory]
    [InlineData("/// as the founding design says (ARCHITECTURE.md \"Alerts\")", false)]
    [InlineData("/// see docs/architecture.md, \"Telemetry batch\"", false)]
    [InlineData("see `content/shared/influxdb-v2/dbrp.md`", false)]
    [InlineData("Read [ARCHITECTURE.md]({sibling}/ARCHITECTURE.md)", true)]
    [InlineData("/// (../{sibling}/reference/standards.md §2)", true)]
    [InlineData("from `{machine}shared/reference/parks.md`", true)]
    public void A_line_points_outside_when_it_names_the_sibling_folder_or_a_machine_path(string line, bool outside)
    {
        Assert.Equal(outside, PointsOutside(line.Replace("{sibling}", SiblingFolder).Replace("{machine}", MachinePath)));
    }

    [Fact]
    public void The_walk_sees_the_projects_files_and_skips_build_output()
    {
        var files = RepositoryFiles.All();
        Assert.Contains("README.md", files);
        Assert.Contains("docs/architecture.md", files);
        Assert.Contains("src/Contracts/Topics/SmartParkTopics.cs", files);
        Assert.Contains("tests/SmartPark.UnitTests/Repository/SelfContainedRepositoryTests.cs", files);
        Assert.DoesNotContain(files, file => file.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or ".git"));
    }

    private static bool PointsOutside(string line) =>
        line.Contains(SiblingFolder, StringComparison.Ordinal) || line.Contains(MachinePath, StringComparison.Ordinal);
}
