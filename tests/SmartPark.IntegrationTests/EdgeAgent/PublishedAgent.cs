namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>
/// The edge agent as it ships: the NativeAOT executables deploy/edgeagent/publish.sh makes for
/// linux-x64 and linux-arm64. <c>./smartpark test</c> publishes them while the suite runs, names
/// the folder in SMARTPARK_AGENT_PUBLISH and the file the publish's exit status will be written
/// to in SMARTPARK_AGENT_PUBLISH_STATUS, which this fixture waits for; run alone, the fixture
/// publishes them itself (about a minute each) when they are missing or older than the agent's sources.
/// </summary>
public sealed class PublishedAgent : IAsyncLifetime
{
    public static readonly string[] Rids = ["linux-x64", "linux-arm64"];
    private static readonly string[] SourceFolders = ["src/EdgeAgent", "src/Platform", "src/Contracts"];
    /// <summary>Two ILC runs on a loaded two-core machine, niced below the tests: generous, still bounded.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);
    private string? _ownFolder;

    public string Folder { get; private set; } = "";

    public string Executable(string rid) => Path.Combine(Folder, "edgeagent-" + rid, "SmartPark.EdgeAgent");

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("SMARTPARK_AGENT_PUBLISH");
        if (Environment.GetEnvironmentVariable("SMARTPARK_AGENT_PUBLISH_STATUS") is { Length: > 0 } status)
            await WaitForPublishAsync(status);
        if (!string.IsNullOrEmpty(given) && Rids.All(r => IsFresh(Path.Combine(given, "edgeagent-" + r, "SmartPark.EdgeAgent"))))
        {
            Folder = given;
            return;
        }
        _ownFolder = Directory.CreateTempSubdirectory("smartpark-agent-publish-").FullName;
        Folder = _ownFolder;
        await using var publish = ProcessRunner.Start("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "edgeagent", "publish.sh"), Folder, .. Rids]);
        await publish.WaitForExitAndOutputAsync(TimeSpan.FromMinutes(10));
        if (publish.ExitCode != 0)
            throw new InvalidOperationException("deploy/edgeagent/publish.sh failed:\n" + publish.Output);
    }

    public Task DisposeAsync()
    {
        if (_ownFolder is not null)
            Directory.Delete(_ownFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The publish ./smartpark test started beside the suite: its exit status, written when it ends.</summary>
    private static async Task WaitForPublishAsync(string statusFile)
    {
        var code = await Poll.UntilAsync(
            () => Task.FromResult(File.Exists(statusFile) ? File.ReadAllText(statusFile).Trim() : null),
            text => text is not null, PublishTimeout, $"the agent's publish to end ({statusFile})");
        if (code != "0")
        {
            var log = Path.Combine(Path.GetDirectoryName(statusFile)!, "publish.out");
            throw new InvalidOperationException($"deploy/edgeagent/publish.sh failed (exit {code}):\n" + (File.Exists(log) ? await File.ReadAllTextAsync(log) : ""));
        }
    }

    /// <summary>Present and newer than every source file it is built from.</summary>
    private static bool IsFresh(string executable)
    {
        if (!File.Exists(executable))
            return false;
        var built = File.GetLastWriteTimeUtc(executable);
        return SourceFolders
            .Select(f => Path.Combine(RepositoryPaths.Root, f))
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .All(f => File.GetLastWriteTimeUtc(f) <= built);
    }
}
