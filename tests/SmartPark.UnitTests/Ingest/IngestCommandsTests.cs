using SmartPark.Contracts.Registry;
using SmartPark.Ingest.Commands;
using SmartPark.UnitTests.Registry;

namespace SmartPark.UnitTests.Ingest;

public class IngestCommandsTests
{
    [Fact]
    public void Hash_password_reads_standard_input_and_prints_a_verifiable_hash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HashPasswordCommand.Run(["--iterations", "30"], new StringReader("s3cret\n"), output, error));
        Assert.True(MosquittoPasswordHash.TryParse(output.ToString().Trim(), out var hash, out _));
        Assert.Equal(30, hash.Iterations);
        Assert.True(hash.Verify("s3cret"));

        Assert.Equal(2, HashPasswordCommand.Run([], new StringReader(""), output, error));
        Assert.Equal(2, HashPasswordCommand.Run(["s3cret"], new StringReader("x\n"), output, error));
    }

    [Fact]
    public void Mosquitto_auth_writes_both_files_or_names_the_registry_problems()
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-auth-").FullName;
        try
        {
            var registry = Path.Combine(dir, "registry.yaml");
            File.WriteAllText(registry, RegistryYaml.Valid);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, MosquittoAuthCommand.Run([registry, Path.Combine(dir, "out")], output, error));
            Assert.Contains("user d1", File.ReadAllText(Path.Combine(dir, "out", "acl")), StringComparison.Ordinal);
            Assert.StartsWith("d1:$7$", File.ReadAllText(Path.Combine(dir, "out", "passwd")), StringComparison.Ordinal);
            Assert.Contains("allow_anonymous false", output.ToString(), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "out", "passwd")));

            File.WriteAllText(registry, RegistryYaml.WithLine(12, "        status: demolished"));
            Assert.Equal(1, MosquittoAuthCommand.Run([registry, Path.Combine(dir, "out2")], output, error));
            Assert.Contains("line 12:", error.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "out2")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
