namespace SmartPark.TestSupport;

/// <summary>Finds the repository and the build outputs of the apps tests start as processes.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The app's assembly built in the same configuration as these tests.</summary>
    public static string Output(string project, string assembly)
    {
        // AppContext.BaseDirectory is the calling test or bench project's bin/{Configuration}/{tfm}/
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var path = Path.Combine(Root, project, "bin", configuration, tfmDir.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first", path);
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
