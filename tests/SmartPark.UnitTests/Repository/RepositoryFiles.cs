namespace SmartPark.UnitTests.Repository;

/// <summary>
/// The files a clone of the repository holds: every file under the folder of <c>SmartPark.sln</c>
/// except what git ignores or keeps for itself (build output, npm packages, the demo's state).
/// Walked rather than asked of git, so the check also holds in a tarball without <c>.git</c>.
/// </summary>
internal static class RepositoryFiles
{
    /// <summary>Folder names that are never the project's own (git's, or listed in .gitignore).</summary>
    private static readonly HashSet<string> IgnoredFolders =
        [".git", "bin", "obj", "node_modules", ".smartpark", "TestResults", ".vs"];

    /// <summary>Folders .gitignore names by path: the Dashboard build copies npm packages there.</summary>
    private static readonly string[] IgnoredPaths = [Path.Combine("src", "Dashboard", "wwwroot", "lib")];

    /// <summary>Files .gitignore leaves out by extension, and <c>.git</c>, which is a file in a worktree.</summary>
    private static readonly string[] IgnoredFileSuffixes = [".user", ".log"];

    public static string Root { get; } = FindRoot();

    /// <summary>Paths relative to <see cref="Root"/>, with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Walk(Root)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name != ".git" && !IgnoredFileSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)))
                yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (IgnoredFolders.Contains(Path.GetFileName(child)) || IgnoredPaths.Contains(Path.GetRelativePath(Root, child)))
                continue;
            foreach (var file in Walk(child))
                yield return file;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPark.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("SmartPark.sln not found above " + AppContext.BaseDirectory);
    }
}
