using SmartPark.Contracts.Registry;

namespace SmartPark.Ingest.Commands;

/// <summary>
/// <c>mosquitto-auth REGISTRY OUTDIR</c>: validates the registry and writes Mosquitto's
/// <c>passwd</c> and <c>acl</c> files into OUTDIR, then prints the mosquitto.conf lines that use them.
/// </summary>
public static class MosquittoAuthCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var registryPath, var outDir])
        {
            error.WriteLine("usage: mosquitto-auth REGISTRY OUTDIR");
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
        return 0;
    }

    /// <summary>Hashes are not passwords, but there is no reason to let every local user try to crack them.</summary>
    private static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
