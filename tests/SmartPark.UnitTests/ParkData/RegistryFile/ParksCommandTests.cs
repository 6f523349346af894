using SmartPark.Contracts.Registry;
using SmartPark.Dashboard.Supervision.RegistryFile;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary><c>SmartPark.Dashboard parks …</c> on a SQLite file: what an operator types, sees and gets as exit code.</summary>
public sealed class ParksCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parks-command-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string Database => $"--ParkDatabase:ConnectionString=Data Source={Path.Combine(_directory, "parks.db")}";

    private static string DemoRegistry => Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.registry.yaml");

    private Task<int> RunAsync(params string[] args) => ParksCommand.RunAsync(args, _output, _error);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Migrate_import_and_export_round_trip_the_demo_registry()
    {
        Assert.Equal(ParksCommand.Done, await RunAsync("migrate", Database));
        Assert.Contains("district(s) added", _output.ToString());

        Assert.Equal(ParksCommand.Done, await RunAsync("import", DemoRegistry, Database));
        Assert.Contains("row(s) created", _output.ToString());
        Assert.Contains("park 1 of 1: baiyun-shimen", _error.ToString());

        var exported = Path.Combine(_directory, "export.yaml");
        Assert.Equal(ParksCommand.Done, await RunAsync("export", exported, Database));
        Assert.Equal(RegistrySnapshot.Of(RegistryLoader.Load(DemoRegistry)), RegistrySnapshot.Of(RegistryLoader.Load(exported)));

        Assert.Equal(ParksCommand.Done, await RunAsync("import", exported, Database));
        Assert.Contains("the database already says this; nothing changed", _output.ToString());
    }

    [Fact]
    public async Task A_refused_file_exits_1_and_names_each_problem_by_file_and_line()
    {
        Assert.Equal(ParksCommand.Done, await RunAsync("migrate", Database));
        var file = Path.Combine(_directory, "bad.yaml");
        await File.WriteAllTextAsync(file, Registry.RegistryYaml.WithLine(4, "    district: Atlantis").Replace("credential: " + Registry.RegistryYaml.Hash, "credential: hunter2", StringComparison.Ordinal));

        Assert.Equal(ParksCommand.Refused, await RunAsync("import", file, Database));

        var error = _error.ToString();
        Assert.Contains("was not imported (nothing changed); 5 problem(s):", error);
        Assert.Contains($"{file}:4: park 'p1': district 'Atlantis'", error);
        Assert.Contains($"{file}:16: device 'd1': credential is not a Mosquitto $7$ hash but looks like a password in clear", error);
    }

    [Fact]
    public async Task Import_before_migrate_asks_for_migrate_and_exits_3()
    {
        Assert.Equal(ParksCommand.DatabaseProblem, await RunAsync("import", DemoRegistry, Database));
        Assert.Contains("run 'parks migrate' first", _error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("import")]
    [InlineData("frobnicate")]
    [InlineData("export", "--ParkDatabase:ConnectionString=x")]
    public async Task Wrong_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        Assert.Equal(ParksCommand.Usage, await RunAsync(args));
        Assert.Contains("usage: parks migrate", _error.ToString());
    }

    [Fact]
    public async Task Without_a_database_it_says_which_setting_is_missing_and_exits_3()
    {
        Assert.Equal(ParksCommand.DatabaseProblem, await RunAsync("migrate"));
        Assert.Contains("set ParkDatabase__ConnectionString", _error.ToString());
    }
}
