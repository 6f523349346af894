using Microsoft.Extensions.Configuration;
using SmartPark.Platform.Hosting;

namespace SmartPark.UnitTests.Platform;

public sealed class SystemdCredentialsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-credentials-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Each_credential_file_is_the_setting_its_name_spells_and_wins_over_the_environment_form()
    {
        // As `echo 'p4ss' > file` and LoadCredential=Ingest__Broker__Password:file leave it.
        File.WriteAllText(Path.Combine(_dir, "Ingest__Broker__Password"), "p4ss-from-credential\n");
        File.WriteAllText(Path.Combine(_dir, "Bureau__Webhook__Secret"), "0123456789abcdef0123456789abcdef");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Ingest:Broker:Password", "from-the-environment")])
            .AddSystemdCredentials(_dir)
            .Build();
        Assert.Equal("p4ss-from-credential", configuration["Ingest:Broker:Password"]);
        Assert.Equal("0123456789abcdef0123456789abcdef", configuration["Bureau:Webhook:Secret"]);
    }

    [Fact]
    public void Without_a_credentials_directory_nothing_is_added()
    {
        var configuration = new ConfigurationBuilder().AddSystemdCredentials(Path.Combine(_dir, "absent")).Build();
        Assert.Empty(configuration.AsEnumerable());
    }
}
