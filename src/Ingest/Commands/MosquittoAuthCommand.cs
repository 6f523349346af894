using System.Globalization;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Hosting;

namespace SmartPark.Ingest.Commands;

/// <summary>
/// <c>mosquitto-auth REGISTRY OUTDIR [TLS options]</c>: validates the registry and writes Mosquitto's
/// <c>passwd</c> and <c>acl</c> files into OUTDIR, and with <c>--tls-cert</c> a TLS listener block
/// (<c>tls-listener.conf</c>), then prints the mosquitto.conf lines that use them.
/// </summary>
public static class MosquittoAuthCommand
{
    private static readonly string Usage = $"""
        usage: mosquitto-auth REGISTRY OUTDIR [--tls-cert FILE --tls-key FILE --tls-ca FILE [--tls-port {DefaultPorts.MqttTls}] [--tls-bind ADDRESS] [--require-certificate]]
          --tls-cert FILE        the broker's certificate (PEM, chain after it)
          --tls-key FILE         its private key (PEM)
          --tls-ca FILE          the CA (PEM) client certificates must chain to
          --tls-port N           the TLS listener's port (default {DefaultPorts.MqttTls})
          --tls-bind ADDRESS     the address it binds (default: all)
          --require-certificate  clients must also show a certificate signed by --tls-ca
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var registryPath, var outDir, .. var rest])
        {
            error.WriteLine(Usage);
            return 2;
        }
        if (!TryParseTls(rest, out var tls, out var problem))
        {
            error.WriteLine($"mosquitto-auth: {problem}");
            error.WriteLine(Usage);
            return 2;
        }
        ParkRegistry registry;
        try
        {
            registry = RegistryLoader.Load(registryPath);
        }
        catch (Exception ex) when (ex is RegistryException or IOException)
        {
            error.WriteLine($"mosquitto-auth: {ex.Message}");
            return 1;
        }
        Directory.CreateDirectory(outDir);
        var dir = Path.GetFullPath(outDir);
        WritePrivate(Path.Combine(dir, MosquittoAuthFiles.PasswordFileName), MosquittoAuthFiles.PasswordFile(registry));
        WritePrivate(Path.Combine(dir, MosquittoAuthFiles.AclFileName), MosquittoAuthFiles.AclFile(registry));
        output.Write(MosquittoAuthFiles.ConfigSnippet(dir));
        if (tls is not null)
        {
            var snippet = tls.ConfigSnippet();
            File.WriteAllText(Path.Combine(dir, MosquittoTlsListener.FileName), snippet);
            output.Write(snippet);
        }
        return 0;
    }

    /// <summary>The TLS listener the options ask for (null: none), or why they are not usable.</summary>
    private static bool TryParseTls(string[] args, out MosquittoTlsListener? tls, out string problem)
    {
        tls = null;
        problem = "";
        string? cert = null, key = null, ca = null, bind = null;
        var port = DefaultPorts.MqttTls;
        var require = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--require-certificate":
                    require = true;
                    continue;
                case "--tls-cert" when value is not null:
                    cert = Path.GetFullPath(value);
                    break;
                case "--tls-key" when value is not null:
                    key = Path.GetFullPath(value);
                    break;
                case "--tls-ca" when value is not null:
                    ca = Path.GetFullPath(value);
                    break;
                case "--tls-bind" when value is not null:
                    bind = value;
                    break;
                case "--tls-port" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    {
                        problem = $"--tls-port '{value}' is not a port";
                        return false;
                    }
                    break;
                default:
                    problem = $"unknown or incomplete option '{args[i]}'";
                    return false;
            }
            i++;
        }
        if (cert is null && key is null && ca is null && !require)
            return true;
        if (cert is null || key is null || ca is null)
        {
            problem = "a TLS listener needs --tls-cert, --tls-key and --tls-ca";
            return false;
        }
        tls = new MosquittoTlsListener(port, ca, cert, key, require, bind);
        return true;
    }

    /// <summary>Hashes are not passwords, but there is no reason to let every local user try to crack them.</summary>
    private static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
