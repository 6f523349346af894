using Microsoft.Extensions.Configuration;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// Settings from the credentials systemd hands a service (<c>LoadCredential=</c>): one file per
/// setting in <c>$CREDENTIALS_DIRECTORY</c>, named like the environment form with <c>__</c> for
/// <c>:</c> (<c>Ingest__Broker__Password</c> is <c>Ingest:Broker:Password</c>). So passwords, tokens
/// and the webhook secret stay out of the repository, the unit, the command line and the
/// environment: systemd copies them from root-only files into a folder only the service's user can
/// read, which disappears when the service stops. Added last, so a credential wins over everything.
/// Read with the framework's key-per-file provider, which drops a file's trailing newline.
/// </summary>
public static class SystemdCredentials
{
    public const string DirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>Adds the credentials in <paramref name="directory"/> (default: <c>$CREDENTIALS_DIRECTORY</c>); nothing when there is none.</summary>
    public static IConfigurationBuilder AddSystemdCredentials(this IConfigurationBuilder builder, string? directory = null)
    {
        directory ??= Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            return builder;
        return builder.AddKeyPerFile(directory, optional: false);
    }
}
